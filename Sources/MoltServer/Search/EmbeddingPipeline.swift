import Foundation
import MoltCore
import MoltPostgres
import MoltWorkflows

/// Computes entries' vectors off the request path: a write enqueues a durable `embedEntry` workflow on the
/// `embeddings` queue (two at a time per server) and returns at once; the entry is searchable by full text
/// immediately and by vector once its workflow ran. A vector is stored only if the text it was computed from is
/// still current, so a quick edit never leaves a stale vector behind.
struct EmbeddingPipeline: Sendable {
    struct Input: Codable, Sendable {
        let entryID: String
    }

    static let queue = WorkflowQueue(name: "embeddings", concurrency: 4, workerConcurrency: 2)

    private let engine: WorkflowEngine
    private let workflow: Workflow<Input, Bool>
    private let logger: Logger

    init(engine: WorkflowEngine, database: PostgresPool, embeddings: Embeddings, logger: Logger) {
        self.engine = engine
        self.logger = logger
        engine.register(queue: Self.queue)
        workflow = engine.register("embedEntry") { context, input in
            try await context.step("embed", retry: StepRetryPolicy(maxAttempts: 3, initialBackoff: .seconds(1))) {
                try await Self.embed(input.entryID, database: database, embeddings: embeddings)
            }
        }
    }

    /// Queues the entry's (re)embedding; failures are logged, never surfaced to the writer.
    func enqueue(_ entry: EntryID) async {
        do {
            _ = try await engine.enqueueWorkflow(
                workflow, input: Input(entryID: entry.description), queue: Self.queue,
                id: "embed-\(entry)-\(UUID().uuidString.lowercased())")
        } catch {
            logger.warning("Could not queue an embedding.", ["entry.id": entry.description, "error": "\(error)"])
        }
    }

    /// Embeds the entry's current text and stores the vector unless the text changed meanwhile.
    private static func embed(_ id: String, database: PostgresPool, embeddings: Embeddings) async throws -> Bool {
        guard let entryID = EntryID(id),
            let row = try await database.query(
                "SELECT title, content, tags, updated_at FROM diary_entries WHERE id = \(entryID)"
            ).first
        else { return false }
        let updatedAt: Date = try row.decode("updated_at")
        guard
            let (vector, model) = await embeddings.embed(
                title: try row.decode("title", as: String?.self), content: try row.decode("content"),
                tags: try row.decode("tags", as: [String]?.self))
        else { return false }
        let stored = try await database.query(
            """
            UPDATE diary_entries SET embedding = \(SearchRepository.vectorLiteral(vector))::vector, embedding_model = \(model)
            WHERE id = \(entryID) AND updated_at = \(updatedAt)
            """
        ).affectedRows
        return stored == 1
    }
}
