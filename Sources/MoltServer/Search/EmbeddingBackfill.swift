import Foundation
public import MoltEmbeddings
public import MoltPostgres

/// Embeds, in the calling process, every entry whose vector is missing or was made by another model
/// (`moltnetd backfill-embeddings`). Entries are taken in id order, `batch` at a time; each vector is stored
/// only if the entry's text is still the one embedded (an edit meanwhile queues its own `embedEntry`). Work done
/// is committed batch by batch, so an interrupted run resumes where it stopped: done entries no longer match.
public struct EmbeddingBackfill: Sendable {
    /// What a run did.
    public struct Report: Sendable, Equatable {
        /// Entries that needed a vector when the run started.
        public var pending: Int
        /// Vectors stored.
        public var embedded: Int
        /// Entries edited or deleted while being embedded (left to their own `embedEntry` workflow).
        public var skipped: Int
    }

    let database: PostgresPool
    let embedder: SentenceEmbedder
    let batch: Int

    public init(database: PostgresPool, embedder: SentenceEmbedder, batch: Int) {
        self.database = database
        self.embedder = embedder
        self.batch = max(1, batch)
    }

    /// How many entries have no vector, or one of another model.
    public func pendingCount() async throws -> Int {
        try await database.query(
            "SELECT count(*) AS n FROM diary_entries WHERE \(Self.needsVector(embedder.modelID))"
        ).first?.decode("n", as: Int.self) ?? 0
    }

    /// Embeds every pending entry; `progress` gets a line after each batch.
    public func run(progress: @Sendable (String) -> Void = { _ in }) async throws -> Report {
        var report = Report(pending: try await pendingCount(), embedded: 0, skipped: 0)
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        let started = ContinuousClock.now
        while true {
            let rows = try await database.query(
                """
                SELECT id, title, content, tags, updated_at FROM diary_entries
                WHERE \(Self.needsVector(embedder.modelID)) AND id > \(after) ORDER BY id LIMIT \(batch)
                """
            ).rows
            guard !rows.isEmpty else { return report }
            let texts = try rows.map { row in
                PassageText.of(
                    title: try row.decode("title", as: String?.self), content: try row.decode("content"),
                    tags: try row.decode("tags", as: [String]?.self) ?? [])
            }
            let vectors = await embedder.embed(passages: texts)
            for (row, vector) in zip(rows, vectors) {
                let id: UUID = try row.decode("id")
                let updatedAt: Date = try row.decode("updated_at")
                let stored = try await database.query(
                    """
                    UPDATE diary_entries
                    SET embedding = \(SearchRepository.vectorLiteral(vector))::vector, embedding_model = \(embedder.modelID)
                    WHERE id = \(id) AND updated_at = \(updatedAt)
                    """
                ).affectedRows
                if stored == 1 { report.embedded += 1 } else { report.skipped += 1 }
                after = id
            }
            let seconds = (ContinuousClock.now - started) / .seconds(1)
            progress(
                "embedded \(report.embedded)/\(report.pending) entries"
                    + (report.skipped > 0 ? " (\(report.skipped) changed meanwhile, left to their workflow)" : "")
                    + String(format: ", %.1f entries/s", Double(report.embedded) / max(seconds, 0.001)))
        }
    }

    /// Entries without a vector of `model`.
    static func needsVector(_ model: String) -> SQL {
        "(embedding IS NULL OR embedding_model IS DISTINCT FROM \(model))"
    }
}
