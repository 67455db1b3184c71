import MoltEmbeddings
import Testing

@Suite("Long texts are chunked, not truncated")
struct LongTextTests {
    /// About 1,200 word pieces: an opening about cooking, then a long stretch about databases.
    static let cooking = String(
        repeating: "The chef seasoned the soup with garlic, basil and fresh tomatoes from the garden. ", count: 20)
    static let databases = String(
        repeating: "Postgres replicated the index to a standby server after the vacuum finished. ", count: 50)
    static let text = cooking + databases

    @Test("a long passage becomes several 256-token windows covering all of it")
    func windows() throws {
        let embedder = try InstalledModel.embedder()
        let pieces = embedder.tokenizer.pieceIDs(Self.text)
        #expect(pieces.count > 1000)
        let sequences = embedder.sequences(forPassage: Self.text)
        #expect(sequences.count == embedder.chunking.windows(count: pieces.count, window: 254).count)
        #expect(sequences.count >= 5)
        #expect(sequences.allSatisfy { $0.count == 256 })
        #expect(Array(sequences.last!.dropFirst().dropLast()) == Array(pieces.suffix(254)))
    }

    @Test("the vector reflects the whole text, not just its first 256 tokens")
    func wholeText() throws {
        let embedder = try InstalledModel.embedder()
        let whole = embedder.embed(passage: Self.text)
        let length = whole.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(length - 1) < 1e-5)
        let cooking = embedder.embed(query: "cooking soup with garlic and basil")
        let databases = embedder.embed(query: "database replication to a standby server")
        let firstWindow = embedder.embed(passage: String(Self.text.prefix(900)))
        // The opening alone is about cooking; the whole text is mostly about databases.
        #expect(Self.cosine(firstWindow, databases) < Self.cosine(firstWindow, cooking))
        #expect(Self.cosine(whole, databases) > Self.cosine(whole, cooking))
        // ... and the cooking opening still counts: the whole is closer to cooking than its database part alone.
        let databasePart = embedder.embed(passage: Self.databases)
        #expect(Self.cosine(whole, cooking) > Self.cosine(databasePart, cooking) + 0.02)
    }

    @Test("a text past maxChunks windows is embedded from maxChunks windows spread over it")
    func veryLongText() throws {
        let embedder = try InstalledModel.embedder()
        let huge = String(repeating: Self.text, count: 8)
        #expect(embedder.sequences(forPassage: huge).count == embedder.chunking.maxChunks)
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
