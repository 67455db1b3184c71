/// How a text longer than one sequence is embedded: cut into overlapping windows of word pieces, each window
/// embedded as its own sequence (`[CLS]`, prompt, window, `[SEP]`), the window vectors averaged and the mean
/// scaled back to unit length. Nothing is dropped silently; past `maxChunks` windows, `maxChunks` windows
/// spread evenly over the whole text (the first and the last included) stand for it.
public struct ChunkingPolicy: Sendable, Equatable {
    /// Word pieces each window shares with the next one, so that no phrase is only ever seen cut in two.
    public var overlap: Int
    /// The most windows one text is embedded as (bounds the work for a pathological input).
    public var maxChunks: Int

    /// A policy; `overlap` must be at least 0 and `maxChunks` at least 1.
    public init(overlap: Int = 32, maxChunks: Int = 32) {
        precondition(overlap >= 0 && maxChunks >= 1, "invalid chunking policy")
        self.overlap = overlap
        self.maxChunks = maxChunks
    }

    /// The windows (ranges of piece indices) covering `count` pieces, each at most `window` long. All windows
    /// but a lone one are exactly `window` long: the last one ends at the end of the text and may overlap its
    /// neighbour by more than `overlap`.
    public func windows(count: Int, window: Int) -> [Range<Int>] {
        precondition(window > 0, "a window holds at least one piece")
        guard count > window else { return [0..<count] }
        let step = max(window - min(overlap, window / 2), 1)
        let needed = (count - window + step - 1) / step + 1
        let last = count - window
        let starts: [Int]
        if needed <= maxChunks {
            starts = (0..<(needed - 1)).map { $0 * step } + [last]
        } else if maxChunks == 1 {
            starts = [0]
        } else {
            starts = (0..<maxChunks).map { ($0 * last + (maxChunks - 1) / 2) / (maxChunks - 1) }
        }
        return starts.map { $0..<($0 + window) }
    }
}
