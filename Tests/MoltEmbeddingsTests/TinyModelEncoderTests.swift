import Foundation
import MoltEmbeddings
import Testing

/// The encoder against a plain Double forward pass, on a random tiny model the test writes (so these tests
/// need no download), plus the e5 prompt handling the same code path gives such a folder.
@Suite("BERT encoder on a random tiny model")
struct TinyModelEncoderTests {
    let model = TinyBertModel(seed: 42)
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("moltnet-tiny-\(UUID().uuidString)")
    }

    private func load(name: String, nameOrPath: String, maxTokens: Int? = nil) throws -> SentenceEmbedder {
        let directory = folder.appendingPathComponent(name)
        try model.write(to: directory, nameOrPath: nameOrPath)
        return try SentenceEmbedder(directory: directory, maxTokens: maxTokens)
    }

    private func expectClose(_ actual: [Float], _ expected: [Float], _ comment: Comment? = nil) {
        #expect(actual.count == expected.count)
        let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-5, "largest difference \(worst) \(comment?.rawValue ?? "")")
    }

    @Test("each text's vector matches the plain forward pass within 1e-5")
    func singleTexts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let embedder = try load(name: "tiny-bert", nameOrPath: "tiny/bert")
        #expect(embedder.prompts == .none)
        #expect(embedder.modelID == "tiny-bert")
        #expect(embedder.dimension == 16)
        let reference = ReferenceBert(model: model)
        for text in [
            "", "hello", "hello world!", "The agent's diary entry: memory search, shared notes.", "unknownword",
        ] {
            expectClose(embedder.embed(text: text), reference.embed(embedder.tokenizer.encode(text)), "\(text)")
        }
    }

    @Test("a batch of different lengths gives each text its own vector: attention is masked per sequence")
    func packedBatch() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let embedder = try load(name: "tiny-bert", nameOrPath: "tiny/bert")
        let reference = ReferenceBert(model: model)
        let texts = [
            "hello", "memory search of the agent diary entry and notes", "a", "",
            "the old night and the new day share a text . hello world , memory !", "diary entry tag",
        ]
        let vectors = embedder.embed(passages: texts)
        #expect(vectors.count == texts.count)
        for (text, vector) in zip(texts, vectors) {
            expectClose(vector, reference.embed(embedder.tokenizer.encode(text)), "\(text)")
        }
    }

    @Test("an e5 folder gets the query: and passage: prompts, and they are what embed(query:) adds")
    func e5Prompts() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let embedder = try load(name: "e5-small-v2", nameOrPath: "intfloat/e5-small-v2")
        #expect(embedder.prompts == .e5)
        #expect(embedder.modelID == "e5-small-v2")
        #expect(embedder.embed(query: "hello world") == embedder.embed(text: "query: hello world"))
        #expect(embedder.embed(passage: "memory search") == embedder.embed(text: "passage: memory search"))
        #expect(embedder.embed(query: "hello world") != embedder.embed(passage: "hello world"))
        #expect(embedder.sequences(forQuery: "hello")[0] == embedder.tokenizer.encode("query: hello"))
    }

    @Test("a folder named for e5 in config.json alone is detected too; other names get no prompts")
    func promptDetection() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try load(name: "some-model", nameOrPath: "intfloat/multilingual-e5-small").prompts == .e5)
        #expect(try load(name: "all-MiniLM-L6-v2", nameOrPath: "nreimers/MiniLM-L6-H384-uncased").prompts == .none)
        #expect(try load(name: "bge5", nameOrPath: "BAAI/bge-small-en").prompts == .none)
    }

    @Test("a long passage is cut into overlapping windows, each with the prompt, and their vectors averaged")
    func chunkedPassage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let embedder = try load(name: "e5-tiny", nameOrPath: "e5", maxTokens: 12)
        let words = TinyBertModel.vocabulary[5...].filter { !$0.hasPrefix("##") && !$0.hasPrefix("[") }
        let text = (0..<40).map { words[$0 * 7 % words.count] }.joined(separator: " ")
        let pieces = embedder.tokenizer.pieceIDs(text)
        let prompt = embedder.tokenizer.pieceIDs("passage: ")
        #expect(pieces.count == 40 && prompt.count == 2)

        let sequences = embedder.sequences(forPassage: text)
        #expect(sequences.count > 1)
        var covered = Set<Int32>()
        for sequence in sequences {
            #expect(sequence.count == 12)
            #expect(Array(sequence.prefix(3)) == [embedder.tokenizer.classifierID] + prompt)
            #expect(sequence.last == embedder.tokenizer.separatorID)
            covered.formUnion(sequence)
        }
        #expect(Set(pieces).isSubset(of: covered))
        #expect(Array(sequences[0][3..<11]) == Array(pieces[0..<8]))
        #expect(Array(sequences.last![3..<11]) == Array(pieces[32..<40]))

        let reference = ReferenceBert(model: model)
        var sum = [Float](repeating: 0, count: 16)
        for sequence in sequences {
            for (index, value) in reference.embed(sequence).enumerated() { sum[index] += value }
        }
        let length = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        expectClose(embedder.embed(passage: text), sum.map { $0 / length })
    }
}
