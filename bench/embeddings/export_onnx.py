"""Writes the BERT encoder of a sentence-transformers model folder as an fp32 ONNX graph.

Reads config.json and model.safetensors (plain numpy, no torch) and emits the same computation as
transformers' BertModel: embeddings + LayerNorm, then per layer self-attention with an additive mask,
output projection + residual + LayerNorm, erf GELU feed-forward + residual + LayerNorm. The output is
last_hidden_state [batch, tokens, hidden]; pooling happens in the caller. Usage:

    python3 export_onnx.py MODEL_DIR OUT.onnx
"""

import json
import struct
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def read_safetensors(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=np.float32).reshape(info["shape"]).copy()
    return tensors


def main(model_dir, out_path):
    config = json.load(open(f"{model_dir}/config.json"))
    weights = read_safetensors(f"{model_dir}/model.safetensors")
    prefix = "bert." if any(k.startswith("bert.") for k in weights) else ""
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    head_dim = hidden // heads
    eps = config.get("layer_norm_eps", 1e-12)

    nodes, inits = [], []
    counter = [0]

    def name(base):
        counter[0] += 1
        return f"{base}_{counter[0]}"

    def const(value, base, dtype=np.float32):
        n = name(base)
        inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), n))
        return n

    def weight(key, transpose=False):
        w = weights[prefix + key]
        return const(w.T.copy() if transpose else w, key.replace(".", "_"))

    def op(kind, inputs, **attrs):
        out = name(kind)
        nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def layer_norm(x, key):
        return op("LayerNormalization", [x, weight(key + ".weight"), weight(key + ".bias")], axis=-1, epsilon=eps)

    def linear(x, key):
        return op("Add", [op("MatMul", [x, weight(key + ".weight", transpose=True)]), weight(key + ".bias")])

    ids = "input_ids"
    mask = "attention_mask"
    token_types = "token_type_ids"
    length = op("Gather", [op("Shape", [ids]), const(1, "one", np.int64)], axis=0)
    positions = op("Unsqueeze", [op("Range", [const(0, "zero", np.int64), length, const(1, "step", np.int64)]),
                                 const([0], "axis0", np.int64)])
    embedded = op("Add", [op("Add", [op("Gather", [weight("embeddings.word_embeddings.weight"), ids]),
                                     op("Gather", [weight("embeddings.position_embeddings.weight"), positions])]),
                          op("Gather", [weight("embeddings.token_type_embeddings.weight"), token_types])])
    x = layer_norm(embedded, "embeddings.LayerNorm")

    float_mask = op("Cast", [mask], to=TensorProto.FLOAT)
    additive = op("Mul", [op("Sub", [const(1.0, "onef"), float_mask]), const(-10000.0, "big")])
    additive = op("Unsqueeze", [additive, const([1, 2], "axes12", np.int64)])
    split_shape = const([0, 0, heads, head_dim], "split", np.int64)
    merge_shape = const([0, 0, hidden], "merge", np.int64)
    scale = const(1.0 / np.sqrt(head_dim), "scale")

    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        q = op("Transpose", [op("Reshape", [linear(x, p + "attention.self.query"), split_shape])], perm=[0, 2, 1, 3])
        k = op("Transpose", [op("Reshape", [linear(x, p + "attention.self.key"), split_shape])], perm=[0, 2, 3, 1])
        v = op("Transpose", [op("Reshape", [linear(x, p + "attention.self.value"), split_shape])], perm=[0, 2, 1, 3])
        scores = op("Add", [op("Mul", [op("MatMul", [q, k]), scale]), additive])
        probs = op("Softmax", [scores], axis=-1)
        context = op("Reshape", [op("Transpose", [op("MatMul", [probs, v])], perm=[0, 2, 1, 3]), merge_shape])
        x = layer_norm(op("Add", [linear(context, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        inner = linear(x, p + "intermediate.dense")
        gelu = op("Mul", [op("Mul", [inner, const(0.5, "half")]),
                          op("Add", [op("Erf", [op("Div", [inner, const(np.sqrt(2.0), "sqrt2")])]), const(1.0, "onef")])])
        x = layer_norm(op("Add", [linear(gelu, p + "output.dense"), x]), p + "output.LayerNorm")

    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    batch_tokens = ["batch", "tokens"]
    graph = helper.make_graph(
        nodes, "bert",
        [helper.make_tensor_value_info(n, TensorProto.INT64, batch_tokens) for n in (ids, mask, token_types)],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, batch_tokens + [hidden])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="moltnet-bench")
    onnx.checker.check_model(model)
    onnx.save(model, out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
