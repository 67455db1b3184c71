import MoltEmbeddings
import Testing

@Suite("all-MiniLM-L6-v2 vectors match transformers")
struct EncoderConformanceTests {
    @Test("every reference sentence's tokens and vector are reproduced (each value within 1e-5)")
    func referenceSentences() throws {
        let embedder = try InstalledModel.embedder()
        let reference = try ReferenceEmbeddings.load()
        #expect(reference.sentences.count == 3)
        for sentence in reference.sentences {
            #expect(embedder.tokenizer.encode(sentence.text) == sentence.ids)
            let vector = embedder.embed(passage: sentence.text)
            #expect(vector.count == sentence.embedding.count)
            let worst = zip(vector, sentence.embedding).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-5, "\(sentence.text): largest difference \(worst)")
        }
    }

    @Test("the reference cosines are reproduced")
    func cosines() throws {
        let embedder = try InstalledModel.embedder()
        let reference = try ReferenceEmbeddings.load()
        let vectors = embedder.embed(passages: reference.sentences.map(\.text))
        for (key, expected) in reference.cosine {
            let digits = key.compactMap { $0.wholeNumberValue }
            let cosine = zip(vectors[digits[0]], vectors[digits[1]]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(cosine - expected) <= 1e-5, "cosine \(key): \(cosine) against \(expected)")
        }
    }

    @Test("vectors are unit length and 384 wide, and the model id is the folder's name")
    func vectorShape() throws {
        let embedder = try InstalledModel.embedder()
        #expect(embedder.modelID == "all-MiniLM-L6-v2")
        #expect(embedder.dimension == 384)
        #expect(embedder.maxTokens == 256)
        #expect(embedder.prompts == .none)
        for text in ["", "   ", "a", "A man is eating food."] {
            let vector = embedder.embed(passage: text)
            #expect(vector.count == 384)
            let length = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(length - 1) < 1e-5)
        }
    }

    @Test("a batch gives the same vectors as one text at a time")
    func batchMatchesSingle() throws {
        let embedder = try InstalledModel.embedder()
        let texts = ["short", "A man is eating a piece of bread.", "", String(repeating: "long text ", count: 80)]
        let batch = embedder.embed(passages: texts)
        for (text, vector) in zip(texts, batch) {
            let single = embedder.embed(passage: text)
            let worst = zip(single, vector).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst <= 1e-6, "\(text.prefix(20)): \(worst)")
        }
    }
}
