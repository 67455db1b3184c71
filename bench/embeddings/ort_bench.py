"""The onnxruntime side of bench/embeddings/run.sh: the same all-MiniLM-L6-v2 weights (exported to fp32 ONNX
by export_onnx.py) run by onnxruntime's CPU provider, with Hugging Face tokenizers, mean pooling and L2
normalisation in numpy: sentence-transformers' pipeline. Prints one JSON object a line, like MoltBench.

    python3 ort_bench.py MODEL_DIR MODEL.onnx TEXTS.json [--lengths 16,128] [--seconds S] [--threads N]
                         [--check REFERENCE.json]
"""

import argparse
import json
import time

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("onnx")
    parser.add_argument("texts")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--check")
    parser.add_argument("--lengths", help="comma-separated token counts (default: every text in TEXTS.json)")
    args = parser.parse_args()

    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    started = time.perf_counter()
    session = ort.InferenceSession(args.onnx, options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(f"{args.model_dir}/tokenizer.json")
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    report(what="load", ms=(time.perf_counter() - started) * 1000, runtime=f"onnxruntime {ort.__version__}")

    def embed(texts):
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / weights.sum(axis=1)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    if args.check:
        reference = json.load(open(args.check))
        sentences = reference["sentences"]
        vectors = embed([s["text"] for s in sentences])
        worst = max(float(np.abs(v - np.array(s["embedding"])).max()) for v, s in zip(vectors, sentences))
        report(what="check", max_abs_difference=worst)

    texts = json.load(open(args.texts))
    if args.lengths:
        texts = {length: texts[length] for length in args.lengths.split(",")}
    for length in sorted(texts, key=int):
        text = texts[length]
        assert len(tokenizer.encode(text).ids) == int(length), f"text for {length} tokens has another length"
        median, minimum = measure(lambda: embed([text]), args.seconds)
        report(what="single", tokens=int(length), ms=median, min_ms=minimum)
        batch = [text] * args.batch
        median, minimum = measure(lambda: embed(batch), args.seconds)
        report(what="batch", tokens=int(length), batch=args.batch, ms=median / args.batch, min_ms=minimum / args.batch)


def measure(body, seconds):
    """Milliseconds per call: a warm-up, then calls until `seconds` have passed (at least 5); the median and
    the fastest call."""
    for _ in range(3):
        body()
    times = []
    deadline = time.perf_counter() + seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        start = time.perf_counter()
        body()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[0]


def report(**fields):
    print(json.dumps(fields, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
