import Foundation

/// A tiny BERT model folder with seeded random weights, written by the tests: config.json, vocab.txt,
/// tokenizer_config.json and model.safetensors (with a `bert.` prefix, an I64 `position_ids` and pooler
/// weights, as in BertForMaskedLM-style checkpoints, to check that the loader handles them).
struct TinyBertModel {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "query", "passage", ":", "hello", "world", "memory", "search",
        "agent", "diary", "entry", "the", "a", "of", "and", "##s", "##ing", "note", "share", ".", ",", "!", "tag",
        "new", "old", "day", "night", "text",
    ]

    let hidden = 16
    let heads = 4
    let layers = 2
    let intermediate = 32
    let positions = 64
    /// Every tensor by its name without the `bert.` prefix, in PyTorch's layout.
    private(set) var tensors: [String: (shape: [Int], values: [Float])] = [:]

    /// Random weights from `seed` (layer norms near 1 and 0 so that values stay in a realistic range).
    init(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        func random(_ shape: [Int], scale: Float = 0.3, around center: Float = 0) -> (shape: [Int], values: [Float]) {
            (shape, (0..<shape.reduce(1, *)).map { _ in center + scale * generator.nextSymmetric() })
        }
        tensors["embeddings.word_embeddings.weight"] = random([Self.vocabulary.count, hidden], scale: 1)
        tensors["embeddings.position_embeddings.weight"] = random([positions, hidden], scale: 0.5)
        tensors["embeddings.token_type_embeddings.weight"] = random([2, hidden], scale: 0.5)
        tensors["embeddings.LayerNorm.weight"] = random([hidden], scale: 0.1, around: 1)
        tensors["embeddings.LayerNorm.bias"] = random([hidden], scale: 0.1)
        for layer in 0..<layers {
            let base = "encoder.layer.\(layer)."
            for name in ["query", "key", "value"] {
                tensors[base + "attention.self.\(name).weight"] = random([hidden, hidden])
                tensors[base + "attention.self.\(name).bias"] = random([hidden], scale: 0.1)
            }
            tensors[base + "attention.output.dense.weight"] = random([hidden, hidden])
            tensors[base + "attention.output.dense.bias"] = random([hidden], scale: 0.1)
            tensors[base + "intermediate.dense.weight"] = random([intermediate, hidden])
            tensors[base + "intermediate.dense.bias"] = random([intermediate], scale: 0.1)
            tensors[base + "output.dense.weight"] = random([hidden, intermediate])
            tensors[base + "output.dense.bias"] = random([hidden], scale: 0.1)
            for norm in ["attention.output.LayerNorm", "output.LayerNorm"] {
                tensors[base + norm + ".weight"] = random([hidden], scale: 0.1, around: 1)
                tensors[base + norm + ".bias"] = random([hidden], scale: 0.1)
            }
        }
        tensors["pooler.dense.weight"] = random([hidden, hidden])
        tensors["pooler.dense.bias"] = random([hidden])
    }

    /// The tensor `name` (without prefix).
    func tensor(_ name: String) -> [Float] { tensors[name]!.values }

    /// Writes the model folder at `directory`, whose `config.json` names it `nameOrPath`.
    func write(to directory: URL, nameOrPath: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config: [String: Any] = [
            "_name_or_path": nameOrPath, "architectures": ["BertModel"], "hidden_act": "gelu",
            "hidden_size": hidden, "intermediate_size": intermediate, "layer_norm_eps": 1e-12,
            "max_position_embeddings": positions, "model_type": "bert", "num_attention_heads": heads,
            "num_hidden_layers": layers, "type_vocab_size": 2, "vocab_size": Self.vocabulary.count,
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: directory.appendingPathComponent("config.json"))
        let tokenizerConfig: [String: Any] = ["do_lower_case": true, "tokenize_chinese_chars": true]
        try JSONSerialization.data(withJSONObject: tokenizerConfig)
            .write(to: directory.appendingPathComponent("tokenizer_config.json"))
        try (Self.vocabulary.joined(separator: "\n") + "\n")
            .write(to: directory.appendingPathComponent("vocab.txt"), atomically: true, encoding: .utf8)
        try safetensors().write(to: directory.appendingPathComponent("model.safetensors"))
    }

    /// The safetensors bytes: header length, JSON header padded with spaces to 8 bytes, then the data.
    private func safetensors() throws -> Data {
        var header: [String: Any] = ["__metadata__": ["format": "pt"]]
        var body = Data()
        for name in tensors.keys.sorted() {
            let (shape, values) = tensors[name]!
            header["bert." + name] = [
                "dtype": "F32", "shape": shape, "data_offsets": [body.count, body.count + values.count * 4],
            ]
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) } }
        }
        let positionIDs = (0..<Int64(positions)).map(\.littleEndian)
        header["bert.embeddings.position_ids"] = [
            "dtype": "I64", "shape": [1, positions], "data_offsets": [body.count, body.count + positions * 8],
        ]
        for id in positionIDs { withUnsafeBytes(of: id) { body.append(contentsOf: $0) } }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        json.append(contentsOf: Array(repeating: UInt8(ascii: " "), count: (8 - json.count % 8) % 8))
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        return file + json + body
    }
}

/// A small deterministic random number generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A float uniformly in [-1, 1).
    mutating func nextSymmetric() -> Float {
        Float(next() >> 40) / Float(1 << 23) - 1
    }
}
