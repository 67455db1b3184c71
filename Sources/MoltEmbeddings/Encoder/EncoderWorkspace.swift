/// Scratch memory for forward passes, grown on demand and reused, so that a pass allocates nothing once the
/// workspace has seen a batch as large.
///
/// Not thread-safe: one pass at a time uses a workspace (``SentenceEmbedder`` keeps its own behind a lock).
final class EncoderWorkspace {
    private(set) var tokenCapacity = 0
    private(set) var sequenceCapacity = 0
    /// The token vectors between layers, `[tokens, hidden]`.
    private(set) var hidden = FloatBuffer(count: 0)
    /// Queries, keys and values side by side, `[tokens, 3 * hidden]`.
    private(set) var queryKeyValue = FloatBuffer(count: 0)
    /// The attention heads' outputs, `[tokens, hidden]`.
    private(set) var context = FloatBuffer(count: 0)
    /// A sub-layer's output plus its residual, before the layer norm, `[tokens, hidden]`.
    private(set) var residual = FloatBuffer(count: 0)
    /// The feed-forward layer's inner activations, `[tokens, intermediate]`.
    private(set) var intermediate = FloatBuffer(count: 0)
    /// One head's attention scores for each parallel worker, `[longest sequence, longest sequence]` each.
    private(set) var scores: [FloatBuffer]

    /// A workspace for passes spread over `workers` threads.
    init(workers: Int) {
        scores = (0..<max(workers, 1)).map { _ in FloatBuffer(count: 0) }
    }

    /// Makes room for `tokens` tokens in all, in sequences of at most `longestSequence` tokens.
    func reserve(tokens: Int, longestSequence: Int, configuration: BertConfiguration) {
        if tokens > tokenCapacity {
            tokenCapacity = tokens
            hidden = FloatBuffer(count: tokens * configuration.hiddenSize)
            queryKeyValue = FloatBuffer(count: tokens * configuration.hiddenSize * 3)
            context = FloatBuffer(count: tokens * configuration.hiddenSize)
            residual = FloatBuffer(count: tokens * configuration.hiddenSize)
            intermediate = FloatBuffer(count: tokens * configuration.intermediateSize)
        }
        if longestSequence > sequenceCapacity {
            sequenceCapacity = longestSequence
            scores = scores.map { _ in FloatBuffer(count: longestSequence * longestSequence) }
        }
    }
}
