public import Foundation

/// BERT's WordPiece tokenizer, matching Hugging Face tokenizers for the model's configuration.
///
/// Steps: literal special tokens (`[CLS]`, `[SEP]`, `[MASK]`, ...) in the input are kept as they are; the
/// rest is normalised and split by ``BasicTokenizer`` (clean, CJK, accents, lowercase, whitespace and
/// punctuation); each word then becomes its greedy longest-match word pieces, later pieces carrying the `##`
/// prefix. A word longer than ``TokenizerConfiguration/maxCharactersPerWord`` scalars, or one with a part no
/// piece matches, becomes a single `[UNK]`.
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary.
    public let vocabulary: Vocabulary
    /// The normalisation and splitting rules.
    public let configuration: TokenizerConfiguration
    /// The id of `[CLS]`, which starts every sequence.
    public let classifierID: Int32
    /// The id of `[SEP]`, which ends every sequence.
    public let separatorID: Int32
    /// The id of `[UNK]`.
    public let unknownID: Int32

    private let basic: BasicTokenizer
    let specialTokens: [(text: [UInt8], id: Int32)]

    /// A tokenizer over `vocabulary`; throws when a special token is not in it.
    public init(vocabulary: Vocabulary, configuration: TokenizerConfiguration = TokenizerConfiguration())
        throws(EmbeddingError)
    {
        func required(_ token: String) throws(EmbeddingError) -> Int32 {
            guard let id = vocabulary.id(of: token) else {
                throw EmbeddingError(.malformedFile, path: "vocab.txt", "the special token \(token) is missing")
            }
            return id
        }
        self.vocabulary = vocabulary
        self.configuration = configuration
        classifierID = try required(configuration.classifierToken)
        separatorID = try required(configuration.separatorToken)
        unknownID = try required(configuration.unknownToken)
        basic = BasicTokenizer(configuration: configuration)
        specialTokens = configuration.specialTokens.compactMap { token in
            vocabulary.id(of: token).map { (Array(token.utf8), $0) }
        }
    }

    /// The tokenizer of the model in `directory` (`vocab.txt` plus `tokenizer.json` or `tokenizer_config.json`).
    public init(directory: URL) throws(EmbeddingError) {
        try self.init(
            vocabulary: Vocabulary(directory: directory), configuration: TokenizerConfiguration(directory: directory))
    }

    /// The word-piece ids of `text`, without `[CLS]`/`[SEP]` and without truncation.
    public func pieceIDs(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        for segment in segments(text) {
            switch segment {
            case .special(let id):
                ids.append(id)
            case .text(let part):
                for word in basic.words(part) {
                    appendPieces(of: word, to: &ids)
                }
            }
        }
        return ids
    }

    /// `[CLS]`, the word pieces of `text`, `[SEP]`: at most `maxTokens` ids in all (the pieces are truncated).
    public func encode(_ text: String, maxTokens: Int = .max) -> [Int32] {
        precondition(maxTokens >= 2, "a sequence needs room for [CLS] and [SEP]")
        let pieces = pieceIDs(text)
        return [classifierID] + pieces.prefix(maxTokens - 2) + [separatorID]
    }

    /// The tokens of `text` as strings, without `[CLS]`/`[SEP]` (for tests and debugging).
    public func tokens(_ text: String) -> [String] {
        pieceIDs(text).map { vocabulary.token(for: $0) }
    }

    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        guard word.count <= configuration.maxCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        let mark = ids.count
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while start < end {
                var candidate = String.UnicodeScalarView()
                if start > 0 { candidate.append(contentsOf: configuration.continuationPrefix.unicodeScalars) }
                candidate.append(contentsOf: word[start..<end])
                if let id = vocabulary.id(of: String(candidate)) {
                    match = id
                    break
                }
                end -= 1
            }
            guard let match else {
                ids.removeSubrange(mark...)
                ids.append(unknownID)
                return
            }
            ids.append(match)
            start = end
        }
    }
}
