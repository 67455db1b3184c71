/// The parameters of a BERT encoder, copied out of a safetensors file into aligned buffers.
///
/// Linear weights are stored transposed, `[in, out]` (PyTorch keeps `[out, in]`), which OpenBLAS packs
/// faster. The query, key and value projections of a layer are stacked into one `[hidden, 3 * hidden]`
/// matrix so that one GEMM computes all three. Tensor names are transformers' `BertModel` ones, with or without a `bert.` prefix; the pooler and
/// `position_ids` are ignored.
struct BertWeights: Sendable {
    struct Layer: Sendable {
        let queryKeyValue: FloatBuffer
        let queryKeyValueBias: FloatBuffer
        let attentionOutput: FloatBuffer
        let attentionOutputBias: FloatBuffer
        let attentionNormScale: FloatBuffer
        let attentionNormShift: FloatBuffer
        let intermediate: FloatBuffer
        let intermediateBias: FloatBuffer
        let output: FloatBuffer
        let outputBias: FloatBuffer
        let outputNormScale: FloatBuffer
        let outputNormShift: FloatBuffer
    }

    let wordEmbeddings: FloatBuffer
    let positionEmbeddings: FloatBuffer
    /// Row 0 of the token-type table: every token of a single-sentence input has type 0.
    let tokenTypeEmbedding: FloatBuffer
    let embeddingNormScale: FloatBuffer
    let embeddingNormShift: FloatBuffer
    let layers: [Layer]

    init(file: SafeTensorsFile, configuration: BertConfiguration) throws(EmbeddingError) {
        let prefix = file.entries.keys.contains { $0.hasPrefix("bert.") } ? "bert." : ""
        let hidden = configuration.hiddenSize
        let inner = configuration.intermediateSize

        func tensor(_ name: String, _ shape: [Int]) throws(EmbeddingError) -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        /// Layer norms are `weight`/`bias` in current checkpoints and `gamma`/`beta` in old ones.
        func norm(_ name: String) throws(EmbeddingError) -> (FloatBuffer, FloatBuffer) {
            let legacy = file.entries[prefix + name + ".gamma"] != nil
            return (
                FloatBuffer(try tensor(name + (legacy ? ".gamma" : ".weight"), [hidden])),
                FloatBuffer(try tensor(name + (legacy ? ".beta" : ".bias"), [hidden]))
            )
        }

        wordEmbeddings = FloatBuffer(
            try tensor("embeddings.word_embeddings.weight", [configuration.vocabularySize, hidden]))
        positionEmbeddings = FloatBuffer(
            try tensor("embeddings.position_embeddings.weight", [configuration.maxPositions, hidden]))
        let tokenTypes = try tensor("embeddings.token_type_embeddings.weight", [configuration.tokenTypes, hidden])
        tokenTypeEmbedding = FloatBuffer(Array(tokenTypes.prefix(hidden)))
        (embeddingNormScale, embeddingNormShift) = try norm("embeddings.LayerNorm")

        var layers: [Layer] = []
        for index in 0..<configuration.layers {
            let base = "encoder.layer.\(index)."
            let attention = base + "attention.self."
            let (attentionScale, attentionShift) = try norm(base + "attention.output.LayerNorm")
            let (outputScale, outputShift) = try norm(base + "output.LayerNorm")
            layers.append(
                Layer(
                    queryKeyValue: FloatBuffer(
                        transposing: [
                            try tensor(attention + "query.weight", [hidden, hidden]),
                            try tensor(attention + "key.weight", [hidden, hidden]),
                            try tensor(attention + "value.weight", [hidden, hidden]),
                        ].flatMap { $0 }, rows: 3 * hidden, columns: hidden),
                    queryKeyValueBias: FloatBuffer(concatenating: [
                        try tensor(attention + "query.bias", [hidden]),
                        try tensor(attention + "key.bias", [hidden]),
                        try tensor(attention + "value.bias", [hidden]),
                    ]),
                    attentionOutput: FloatBuffer(
                        transposing: try tensor(base + "attention.output.dense.weight", [hidden, hidden]),
                        rows: hidden, columns: hidden),
                    attentionOutputBias: FloatBuffer(try tensor(base + "attention.output.dense.bias", [hidden])),
                    attentionNormScale: attentionScale,
                    attentionNormShift: attentionShift,
                    intermediate: FloatBuffer(
                        transposing: try tensor(base + "intermediate.dense.weight", [inner, hidden]),
                        rows: inner, columns: hidden),
                    intermediateBias: FloatBuffer(try tensor(base + "intermediate.dense.bias", [inner])),
                    output: FloatBuffer(
                        transposing: try tensor(base + "output.dense.weight", [hidden, inner]),
                        rows: hidden, columns: inner),
                    outputBias: FloatBuffer(try tensor(base + "output.dense.bias", [hidden])),
                    outputNormScale: outputScale,
                    outputNormShift: outputShift
                )
            )
        }
        self.layers = layers
    }
}
