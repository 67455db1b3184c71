import Foundation
import MoltCore
import MoltEmbeddings
import Synchronization

/// The server's embedding model, loaded once in the background at start-up. Until it is ready, or when no
/// model folder exists, embedding answers nil and search runs on full text alone (spec §5.5).
final class Embeddings: Sendable {
    private let loaded: Task<SentenceEmbedder?, Never>
    /// The configured model's id (the folder name), stored with every vector.
    let modelID: String

    /// Models already loading or loaded in this process, by folder: servers started in one process (tests)
    /// share one copy of the weights.
    private static let shared = Mutex<[String: Task<SentenceEmbedder?, Never>]>([:])

    /// Starts loading the model in `directory`, or shares the copy this process already has.
    init(directory: URL, logger: Logger) {
        modelID = directory.lastPathComponent
        loaded = Self.shared.withLock { shared in
            if let existing = shared[directory.path] { return existing }
            let task = Self.load(directory, logger: logger)
            shared[directory.path] = task
            return task
        }
    }

    private static func load(_ directory: URL, logger: Logger) -> Task<SentenceEmbedder?, Never> {
        Task.detached(priority: .utility) {
            do {
                let embedder = try SentenceEmbedder(directory: directory)
                logger.info("Embedding model loaded.", ["embedding.model": embedder.modelID])
                return embedder
            } catch {
                logger.warning(
                    "No embedding model; search uses full text only.",
                    ["embedding.model_dir": directory.path, "error": String(describing: error)])
                return nil
            }
        }
    }

    /// The model, once loaded (nil when it could not be).
    var embedder: SentenceEmbedder? {
        get async { await loaded.value }
    }

    /// A query's vector, or nil without a model.
    func embed(query: String) async -> [Float]? {
        await embedWithModel(query: query)?.vector
    }

    /// A query's vector and the id of the model that made it (stored vectors of other models are not
    /// comparable with it), or nil without a model.
    func embedWithModel(query: String) async -> (vector: [Float], model: String)? {
        guard let embedder = await embedder else { return nil }
        return (await embedder.embed(query: query), embedder.modelID)
    }

    /// An entry's passage vector (title, content, tags as spec §5.5 joins them), or nil without a model.
    func embed(title: String?, content: String, tags: [String]?) async -> (vector: [Float], model: String)? {
        guard let embedder = await embedder else { return nil }
        let text = PassageText.of(title: title, content: content, tags: tags ?? [])
        return (await embedder.embed(passage: text), embedder.modelID)
    }
}
