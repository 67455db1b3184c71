import Foundation
import MoltEmbeddings
import MoltTestSupport

/// The all-MiniLM-L6-v2 folder `scripts/models.sh install` fills, loaded once for all tests.
///
/// The conformance vectors are this model's, so tests always use this folder, whatever
/// `MOLTNET_EMBEDDING_MODEL_DIR` says. A missing folder fails every test that needs it, with the command
/// that installs it; nothing is skipped.
enum InstalledModel {
    static let directory = EmbeddingModelLocation.defaultDirectory(projectRoot: Fixtures.repositoryRoot)

    private static let loaded: Result<SentenceEmbedder, EmbeddingError> = Result { () throws(EmbeddingError) in
        try SentenceEmbedder(directory: directory)
    }

    /// The shared embedder, or an error telling to run `scripts/models.sh install`.
    static func embedder() throws -> SentenceEmbedder {
        try loaded.get()
    }

    /// The model's tokenizer.
    static func tokenizer() throws -> WordPieceTokenizer {
        try embedder().tokenizer
    }
}

/// `Tests/Fixtures/embeddings-reference-minilm.json`: vectors and token ids computed with transformers and
/// Hugging Face tokenizers from the same weights.
struct ReferenceEmbeddings: Decodable {
    struct Sentence: Decodable {
        let text: String
        let ids: [Int32]
        let embedding: [Float]
    }

    struct TokenizerCase: Decodable {
        let text: String
        let ids: [Int32]
        let tokens: [String]
    }

    let sentences: [Sentence]
    let cosine: [String: Float]
    let tokenizer_cases: [TokenizerCase]

    static func load() throws -> ReferenceEmbeddings {
        try JSONDecoder().decode(ReferenceEmbeddings.self, from: Fixtures.data("embeddings-reference-minilm.json"))
    }
}
