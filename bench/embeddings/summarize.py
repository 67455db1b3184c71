"""Turns the per-round JSON lines of bench/embeddings/run.sh into bench/embeddings/RESULTS.md.

    python3 summarize.py WORK_DIR RESULTS.md
"""

import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import time


def rounds(work, side):
    result = []
    for path in sorted(glob.glob(f"{work}/{side}-*.jsonl")):
        with open(path) as lines:
            result.append([json.loads(line) for line in lines if line.strip()])
    return result


def median_of(side_rounds, what, tokens=None):
    values = [r["ms"] for records in side_rounds for r in records
              if r["what"] == what and (tokens is None or r.get("tokens") == tokens)]
    return (statistics.median(values), min(values), max(values)) if values else None


def paired_ratio(ours, ort, what, tokens):
    """The median over rounds of (our median / onnxruntime's median) within the same round."""
    ratios = []
    for mine, theirs in zip(ours, ort):
        a = [r["ms"] for r in mine if r["what"] == what and r.get("tokens") == tokens]
        b = [r["ms"] for r in theirs if r["what"] == what and r.get("tokens") == tokens]
        if a and b:
            ratios.append(a[0] / b[0])
    return statistics.median(ratios) if ratios else None


def fastest_of(side_rounds, what, tokens):
    values = [r["min_ms"] for records in side_rounds for r in records
              if r["what"] == what and r.get("tokens") == tokens and "min_ms" in r]
    return min(values) if values else None


def command(*arguments):
    try:
        return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(work, out_path):
    ours, ort = rounds(work, "ours"), rounds(work, "ort")
    lengths = sorted({r["tokens"] for records in ours for r in records if r["what"] == "single"})
    runtime = next((r["runtime"] for records in ort for r in records if r["what"] == "load"), "onnxruntime")
    check = max((r["max_abs_difference"] for records in ort for r in records if r["what"] == "check"), default=None)
    cpu = next((line.split(":", 1)[1].strip() for line in command("lscpu").splitlines()
                if line.startswith("Model name")), platform.processor())
    load_before = open(f"{work}/load-before.txt").read().strip()
    load_after = open(f"{work}/load-after.txt").read().strip()

    lines = [
        "# Embedding speed: MoltEmbeddings against onnxruntime",
        "",
        f"Written by `bench/embeddings/run.sh` on {time.strftime('%Y-%m-%d %H:%M %Z')}, commit "
        f"`{command('git', '-C', os.path.dirname(out_path), 'rev-parse', '--short', 'HEAD')}`.",
        "",
        f"- Machine: {cpu}, {os.cpu_count()} cores; load `{load_before.split('load average:')[-1].strip()}` before, "
        f"`{load_after.split('load average:')[-1].strip()}` after (other processes share these cores).",
        "- Model: all-MiniLM-L6-v2 fp32, the same safetensors on both sides (6 layers, 384 wide).",
        "- Ours: `MoltBench embeddings`, `swift build -c release`, Swift + OpenBLAS "
        f"({command('dpkg-query', '-W', '-f', '${Version}', 'libopenblas0-pthread')}), 2 threads.",
        f"- Reference: {runtime}, CPU provider, 2 intra-op threads, all graph optimisations, fp32 graph from "
        "`export_onnx.py`; tokenizers + numpy pooling (sentence-transformers' pipeline)"
        + (f"; its vectors match the reference fixture within {check:.1e}." if check is not None else "."),
        f"- {len(ours)} alternating rounds, milliseconds per embedding, tokenisation included. *Median*: the median"
        " over rounds of each round's median call (min–max over rounds in brackets); *paired ratio*: the median"
        " over rounds of ours / onnxruntime measured back to back in the same round. *Fastest*: the fastest"
        " call seen, what a quiet machine gives; medians move with the load of other processes on these 2"
        " shared cores.",
        "",
        "| tokens | mode | ours median | ort median | paired ratio | ours fastest | ort fastest | ratio |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    worst = 0.0
    for length in lengths:
        for what, label in (("single", "one text"), ("batch", "batch of 32, per text")):
            a, b = median_of(ours, what, length), median_of(ort, what, length)
            fa, fb = fastest_of(ours, what, length), fastest_of(ort, what, length)
            if not a or not b or not fa or not fb:
                continue
            ratio, fast_ratio = paired_ratio(ours, ort, what, length), fa / fb
            if what == "single":
                worst = max(worst, ratio, fast_ratio)
            lines.append(f"| {length} | {label} | {a[0]:.2f} ({a[1]:.2f}–{a[2]:.2f}) | "
                         f"{b[0]:.2f} ({b[1]:.2f}–{b[2]:.2f}) | **{ratio:.2f}** | {fa:.2f} | {fb:.2f} | **{fast_ratio:.2f}** |")
    load = median_of(ours, "load")
    lines += [
        "",
        f"Target: within 1.5x of onnxruntime per embedding. Worst single-text ratio (paired or fastest): **{worst:.2f}** "
        f"({'met' if worst <= 1.5 else 'missed'}).",
        "",
        f"Model load (mmap + copy into aligned buffers): {load[0]:.0f} ms." if load else "",
        "",
    ]
    with open(out_path, "w") as out:
        out.write("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
