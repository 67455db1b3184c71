/// BERT's forward pass plus sentence-transformers' pooling: token ids in, one L2-normalised mean-pooled
/// vector per sequence out.
///
/// Sequences are packed, not padded: the token-wise steps (projections, feed-forward, layer norms) run as
/// single GEMMs over all tokens of the batch, and attention runs per sequence over that sequence's own
/// tokens. This is exactly masked attention over a padded batch (padding keys get zero weight, padding
/// rows are ignored by mean pooling) without computing the padding. Token type is 0 and positions are
/// 0..<count for every sequence.
final class BertEncoder: Sendable {
    let configuration: BertConfiguration
    let weights: BertWeights

    init(configuration: BertConfiguration, weights: BertWeights) {
        self.configuration = configuration
        self.weights = weights
    }

    /// The pooled, normalised vector of each sequence (each of 1 to `maxPositions` ids, all below the
    /// vocabulary size).
    func encode(_ sequences: [[Int32]], workspace: EncoderWorkspace) -> [[Float]] {
        precondition(sequences.allSatisfy { !$0.isEmpty && $0.count <= configuration.maxPositions })
        let tokens = sequences.reduce(0) { $0 + $1.count }
        workspace.reserve(
            tokens: tokens, longestSequence: sequences.map(\.count).max() ?? 0, configuration: configuration)
        embed(sequences, into: workspace.hidden.pointer)
        for layer in weights.layers {
            attention(layer, sequences: sequences, tokens: tokens, workspace: workspace)
            feedForward(layer, tokens: tokens, workspace: workspace)
        }
        return pool(sequences, hidden: workspace.hidden.pointer)
    }

    /// word + token type 0 + position, then layer norm.
    private func embed(_ sequences: [[Int32]], into hidden: UnsafeMutablePointer<Float>) {
        let width = configuration.hiddenSize
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                precondition(id >= 0 && Int(id) < configuration.vocabularySize, "token id out of range")
                let target = hidden + row * width
                let word = weights.wordEmbeddings.pointer + Int(id) * width
                let place = weights.positionEmbeddings.pointer + position * width
                let type = weights.tokenTypeEmbedding.pointer
                for column in 0..<width {
                    target[column] = word[column] + type[column] + place[column]
                }
                row += 1
            }
        }
        EncoderKernels.layerNorm(
            hidden, into: hidden, rows: row, width: width, scale: weights.embeddingNormScale.pointer,
            shift: weights.embeddingNormShift.pointer, epsilon: configuration.layerNormEpsilon)
    }

    /// Multi-head self-attention, output projection, residual and layer norm.
    private func attention(
        _ layer: BertWeights.Layer, sequences: [[Int32]], tokens: Int, workspace: EncoderWorkspace
    ) {
        let width = configuration.hiddenSize
        let stride = width * 3
        let head = configuration.headSize
        let hidden = workspace.hidden.pointer
        let qkv = workspace.queryKeyValue.pointer
        let context = workspace.context.pointer
        let scale = 1 / Float(head).squareRoot()

        EncoderKernels.fillRows(qkv, rows: tokens, width: stride, with: layer.queryKeyValueBias.pointer)
        gemm(
            m: tokens, n: stride, k: width, a: hidden, lda: width, b: layer.queryKeyValue.pointer, ldb: stride,
            transposeB: false, beta: 1, c: qkv, ldc: stride)

        // Heads are independent: each worker takes every `workers`-th head of every sequence, with its own
        // score matrix, and writes its heads' columns of the context.
        let workers = parallelWorkers(tokens: tokens, workspace: workspace)
        let heads = configuration.attentionHeads
        BLASThreads.fanOut(workers: workers) { worker in
            let scores = workspace.scores[worker].pointer
            var first = 0
            for sequence in sequences {
                let count = sequence.count
                let rows = qkv + first * stride
                for index in Swift.stride(from: worker, to: heads, by: workers) {
                    let query = rows + index * head
                    let key = rows + width + index * head
                    let value = rows + 2 * width + index * head
                    let output = context + first * width + index * head
                    gemm(
                        m: count, n: count, k: head, alpha: scale, a: query, lda: stride, b: key, ldb: stride,
                        transposeB: true, beta: 0, c: scores, ldc: count)
                    EncoderKernels.softmax(scores, rows: count, width: count, stride: count)
                    gemm(
                        m: count, n: head, k: count, a: scores, lda: count, b: value, ldb: stride, transposeB: false,
                        beta: 0, c: output, ldc: width)
                }
                first += count
            }
        }

        let residual = workspace.residual.pointer
        EncoderKernels.addRows(
            hidden, bias: layer.attentionOutputBias.pointer, into: residual, rows: tokens, width: width)
        gemm(
            m: tokens, n: width, k: width, a: context, lda: width, b: layer.attentionOutput.pointer, ldb: width,
            transposeB: false, beta: 1, c: residual, ldc: width)
        EncoderKernels.layerNorm(
            residual, into: hidden, rows: tokens, width: width, scale: layer.attentionNormScale.pointer,
            shift: layer.attentionNormShift.pointer, epsilon: configuration.layerNormEpsilon)
    }

    /// Feed-forward (dense, GELU, dense), residual and layer norm.
    private func feedForward(_ layer: BertWeights.Layer, tokens: Int, workspace: EncoderWorkspace) {
        let width = configuration.hiddenSize
        let inner = configuration.intermediateSize
        let hidden = workspace.hidden.pointer
        let intermediate = workspace.intermediate.pointer
        let residual = workspace.residual.pointer

        EncoderKernels.fillRows(intermediate, rows: tokens, width: inner, with: layer.intermediateBias.pointer)
        gemm(
            m: tokens, n: inner, k: width, a: hidden, lda: width, b: layer.intermediate.pointer, ldb: inner,
            transposeB: false, beta: 1, c: intermediate, ldc: inner)
        let workers = parallelWorkers(tokens: tokens, workspace: workspace)
        let rowsPerWorker = (tokens + workers - 1) / workers
        BLASThreads.fanOut(workers: workers) { worker in
            let start = min(worker * rowsPerWorker, tokens)
            let end = min(start + rowsPerWorker, tokens)
            EncoderKernels.gelu(intermediate + start * inner, count: (end - start) * inner)
        }

        EncoderKernels.addRows(hidden, bias: layer.outputBias.pointer, into: residual, rows: tokens, width: width)
        gemm(
            m: tokens, n: width, k: inner, a: intermediate, lda: inner, b: layer.output.pointer, ldb: width,
            transposeB: false, beta: 1, c: residual, ldc: width)
        EncoderKernels.layerNorm(
            residual, into: hidden, rows: tokens, width: width, scale: layer.outputNormScale.pointer,
            shift: layer.outputNormShift.pointer, epsilon: configuration.layerNormEpsilon)
    }

    /// Threads for the steps the encoder spreads itself (as many as OpenBLAS uses, within the workspace's
    /// score buffers): below 32 tokens the work is too small to be worth waking a second thread.
    private func parallelWorkers(tokens: Int, workspace: EncoderWorkspace) -> Int {
        tokens >= 32 ? min(workspace.scores.count, BLASThreads.workers) : 1
    }

    /// Mean of each sequence's token vectors, scaled to unit length.
    private func pool(_ sequences: [[Int32]], hidden: UnsafeMutablePointer<Float>) -> [[Float]] {
        let width = configuration.hiddenSize
        var first = 0
        return sequences.map { sequence in
            var mean = [Float](repeating: 0, count: width)
            for row in first..<(first + sequence.count) {
                let source = hidden + row * width
                for column in 0..<width { mean[column] += source[column] }
            }
            first += sequence.count
            return Self.normalized(mean.map { $0 / Float(sequence.count) })
        }
    }

    /// `vector` scaled to unit length (a zero vector stays zero).
    static func normalized(_ vector: [Float]) -> [Float] {
        let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return length > 0 ? vector.map { $0 / length } : vector
    }
}
