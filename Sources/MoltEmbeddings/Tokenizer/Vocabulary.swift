public import Foundation

/// A WordPiece vocabulary: `vocab.txt`, one token a line, the line number being the token id.
public struct Vocabulary: Sendable {
    private let ids: [String: Int32]
    private let tokens: [String]

    /// Reads `vocab.txt` from `directory`.
    public init(directory: URL) throws(EmbeddingError) {
        let url = directory.appendingPathComponent("vocab.txt")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw EmbeddingError(.modelMissing, path: url.path, "vocab.txt is missing")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw EmbeddingError(.malformedFile, path: url.path, "vocab.txt is not UTF-8 text")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw EmbeddingError(.malformedFile, path: url.path, "vocab.txt is empty") }
        self.init(tokens: lines)
    }

    /// A vocabulary of `tokens`, the first having id 0. When a token repeats, its last line wins, as in
    /// Hugging Face tokenizers.
    public init(tokens: [String]) {
        self.tokens = tokens
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            ids[token] = Int32(index)
        }
        self.ids = ids
    }

    /// How many tokens there are.
    public var count: Int { tokens.count }

    /// The id of `token`, or nil when it is not in the vocabulary.
    public func id(of token: String) -> Int32? { ids[token] }

    /// The token with `id`.
    public func token(for id: Int32) -> String { tokens[Int(id)] }
}
