/// Fast case-insensitive substring filtering of a large list (100k workflows) for the `/` filter.
///
/// Each row's searchable text is lowercased once and stored as UTF-8 in one contiguous buffer; a filter
/// scans bytes, not `String`s. When the new filter extends the previous one (typing one more character),
/// only the previous matches are scanned again.
public struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]

    /// An index over `texts` (one per row, in row order).
    public init(_ texts: some Sequence<String>) {
        for text in texts {
            bytes.append(contentsOf: text.lowercased().utf8)
            starts.append(Int32(bytes.count))
        }
    }

    /// Rows indexed.
    public var count: Int { starts.count - 1 }

    /// Adds rows at the end (a next page of a list), without re-reading the rows already indexed.
    public mutating func append(contentsOf texts: some Sequence<String>) {
        for text in texts {
            bytes.append(contentsOf: text.lowercased().utf8)
            starts.append(Int32(bytes.count))
        }
    }

    /// The rows whose text contains `needle` (case-insensitive), in row order; only `candidates` are
    /// scanned when given (the matches of a shorter filter that `needle` extends).
    public func matches(_ needle: String, among candidates: [Int]? = nil) -> [Int] {
        let pattern = Array(needle.lowercased().utf8)
        guard !pattern.isEmpty else { return candidates ?? Array(0..<count) }
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { pattern in
                starts.withUnsafeBufferPointer { starts in
                    func test(_ row: Int) {
                        if Self.contains(haystack, from: Int(starts[row]), to: Int(starts[row + 1]), pattern) {
                            result.append(row)
                        }
                    }
                    if let candidates {
                        for row in candidates { test(row) }
                    } else {
                        for row in 0..<(starts.count - 1) { test(row) }
                    }
                }
            }
        }
        return result
    }

    private static func contains(
        _ haystack: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ pattern: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let length = pattern.count
        guard end - start >= length else { return false }
        let first = pattern[0]
        var index = start
        let last = end - length
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < length, haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == length { return true }
            }
            index += 1
        }
        return false
    }
}
