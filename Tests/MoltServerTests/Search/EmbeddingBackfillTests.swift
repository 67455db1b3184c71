import Foundation
import MoltEmbeddings
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

/// `moltnetd backfill-embeddings` (issue 9): the real binary on a test database, with the real model.
@Suite("moltnetd backfill-embeddings", .serialized, .timeLimit(.minutes(4)))
struct EmbeddingBackfillTests {
    static let model = EmbeddingModelLocation.defaultDirectory(projectRoot: Fixtures.repositoryRoot)

    @Test("--dry-run counts; a run embeds missing and other-model vectors only, with progress on stderr")
    func backfillsMissingAndStale() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let diary = try await Self.diary(in: database.pool)
            let stale = Array(repeating: Float(0.05), count: 384)
            try await database.pool.query(
                """
                INSERT INTO diary_entries (diary_id, title, content, tags, embedding, embedding_model) VALUES
                    (\(diary), 'Missing', 'The sourdough starter doubled overnight.', ARRAY['bake'], NULL, NULL),
                    (\(diary), NULL, 'Fixed the leaking faucet.', NULL, \(Self.literal(stale))::vector, 'e5-small-v2'),
                    (\(diary), NULL, 'Already current.', NULL, \(Self.literal(stale))::vector, 'all-MiniLM-L6-v2')
                """)

            let dryRun = try Self.backfill(database.url, ["--dry-run"])
            #expect(dryRun.status == 0)
            #expect(dryRun.output.contains("2 entries need a all-MiniLM-L6-v2 vector (dry run: nothing written)"))
            #expect(try await Self.models(database.pool) == [nil, "all-MiniLM-L6-v2", "e5-small-v2"])

            let run = try Self.backfill(database.url, ["--batch", "1"])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("embedded 1/2 entries"))
            #expect(run.output.contains("embedded 2/2 entries"))
            #expect(run.output.contains("done: 2 embedded, 0 changed meanwhile, 0 still without"))
            #expect(
                try await Self.models(database.pool) == ["all-MiniLM-L6-v2", "all-MiniLM-L6-v2", "all-MiniLM-L6-v2"])

            let embedder = try SentenceEmbedder(directory: Self.model)
            let rows = try await database.pool.query(
                "SELECT content, embedding::text AS embedding FROM diary_entries ORDER BY content"
            ).rows
            let vectors = try Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    (try row.decode("content", as: String.self), Self.vector(try row.decode("embedding")))
                })
            #expect(vectors["Already current."] == stale)
            let passage = PassageText.of(
                title: "Missing", content: "The sourdough starter doubled overnight.", tags: ["bake"])
            let missing = await embedder.embed(passage: passage)
            let staleAgain = await embedder.embed(passage: "Fixed the leaking faucet.")
            #expect(SearchTestSupport.cosine(vectors["The sourdough starter doubled overnight."]!, missing) > 0.99999)
            #expect(SearchTestSupport.cosine(vectors["Fixed the leaking faucet."]!, staleAgain) > 0.99999)

            let again = try Self.backfill(database.url, [])
            #expect(again.output.contains("done: 0 embedded, 0 changed meanwhile, 0 still without"))
            #expect(try Self.backfill(database.url, ["--batch", "0"]).status == 2)
        }
    }

    @Test("a run killed midway resumes with what is left and finishes the rest")
    func resumesAfterInterruption() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let diary = try await Self.diary(in: database.pool)
            let total = 300
            try await database.pool.query(
                """
                INSERT INTO diary_entries (diary_id, content)
                SELECT \(diary), 'Diary entry number ' || g || ' about the weather, the garden and the week ahead.'
                FROM generate_series(1, \(total)) g
                """)
            let first = try MoltTestSupport.ChildProcess(Self.arguments(database.url, ["--batch", "2"]))
            defer { first.removeOutput() }
            let deadline = ContinuousClock.now + .seconds(60)
            while !first.output.contains("embedded 4/\(total) entries"), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            first.kill()
            let left = try await Self.missing(database.pool)
            #expect(left > 0 && left <= total - 4, "the first run should have been killed midway")

            let second = try Self.backfill(database.url, ["--batch", "50"], timeout: .seconds(180))
            #expect(second.status == 0)
            #expect(second.output.contains("embedded \(left)/\(left) entries"))
            #expect(try await Self.missing(database.pool) == 0)
        }
    }

    // MARK: Helpers

    static func arguments(_ url: String, _ extra: [String]) throws -> [String] {
        [
            try BuiltProducts.executable("moltnetd"), "backfill-embeddings", "--database-url", url,
            "--embedding-model-dir", model.path,
        ] + extra
    }

    /// Runs the subcommand to its end; returns its exit status and its output.
    static func backfill(_ url: String, _ extra: [String], timeout: Duration = .seconds(120)) throws -> (
        status: Int32, output: String
    ) {
        let process = try MoltTestSupport.ChildProcess(try arguments(url, extra))
        defer { process.removeOutput() }
        let status = try process.wait(timeout: timeout)
        return (status, process.output)
    }

    static func diary(in pool: PostgresPool) async throws -> UUID {
        try await pool.query("INSERT INTO diaries (owner_id, name) VALUES (gen_random_uuid(), 'd') RETURNING id")
            .first!.decode("id")
    }

    static func models(_ pool: PostgresPool) async throws -> [String?] {
        try await pool.query("SELECT embedding_model FROM diary_entries ORDER BY embedding_model NULLS FIRST").rows
            .map { try $0.decode("embedding_model") }
    }

    static func missing(_ pool: PostgresPool) async throws -> Int {
        try await pool.query("SELECT count(*) AS n FROM diary_entries WHERE embedding IS NULL").first!.decode("n")
    }

    static func literal(_ vector: [Float]) -> String {
        "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
    }

    static func vector(_ text: String) -> [Float] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap { Float($0) }
    }
}
