import Foundation
import MoltCore
import MoltEmbeddings
import MoltPostgres

/// The benchmark's entries: the 500 labelled entries of `Tests/Fixtures/search-quality.json`, embedded with the
/// real model, each copied `count / 500` times with its text numbered and its vector moved by Gaussian-like
/// noise (cosine about 0.9 to the original), the copies of each spread evenly over `diaries`, with creation dates
/// over a year. The copies are
/// generated inside Postgres in one INSERT … SELECT, with the HNSW index dropped and rebuilt afterwards.
struct SearchCorpus {
    struct Fixture: Decodable {
        struct Entry: Decodable {
            let content: String
            let kind: String
        }

        struct Query: Decodable {
            let query: String
        }

        let entries: [Entry]
        let queries: [Query]
    }

    let pool: PostgresPool
    let embedder: SentenceEmbedder
    let fixture: Fixture

    /// Loads the fixture from the repository root (the working directory of bench/search/run.sh).
    static func fixture(root: URL) throws -> Fixture {
        try JSONDecoder().decode(
            Fixture.self, from: Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/search-quality.json")))
    }

    /// Seeds `count` entries over `diaries`; returns the seconds spent inserting and building the index.
    func seed(count: Int, diaries: [DiaryID]) async throws -> (insert: Double, index: Double) {
        let clock = ContinuousClock()
        let bases = await embedder.embed(passages: fixture.entries.map(\.content))
        try await pool.query("CREATE TABLE bench_bases (i int PRIMARY KEY, content text NOT NULL, v vector(384))")
        for (index, (entry, vector)) in zip(fixture.entries, bases).enumerated() {
            try await pool.query(
                "INSERT INTO bench_bases VALUES (\(index), \(entry.content), \(Self.literal(vector))::vector)")
        }
        let started = clock.now
        try await pool.query("DROP INDEX diary_entries_embedding_idx")
        try await pool.query(
            """
            INSERT INTO diary_entries (diary_id, content, embedding, embedding_model, importance, created_at, updated_at)
            SELECT (\(diaries.map(\.rawValue))::uuid[])[1 + (g / \(bases.count)) % \(diaries.count)],
                   b.content || ' (copy ' || g || ')',
                   l2_normalize(b.v + (SELECT array_agg((random() + random() + random() - 1.5) * 0.05)
                                       FROM generate_series(1, 384) WHERE g > 0)::vector),
                   \(embedder.modelID), 1 + g % 10,
                   now() - (g % 8760) * interval '1 hour', now() - (g % 8760) * interval '1 hour'
            FROM generate_series(1, \(count)) g JOIN bench_bases b ON b.i = g % \(bases.count)
            """)
        let inserted = clock.now
        try await pool.withConnection { connection in
            try await connection.query("SET maintenance_work_mem = '512MB'")
            // Parallel index builds fail here: the workers cannot restore this session's
            // default_text_search_config ("cross-database references are not implemented").
            try await connection.query("SET max_parallel_maintenance_workers = 0")
            try await connection.query(
                """
                CREATE INDEX diary_entries_embedding_idx ON diary_entries
                    USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)
                """)
        }
        try await pool.query("ANALYZE diary_entries")
        return ((inserted - started).seconds, (clock.now - inserted).seconds)
    }

    /// Query texts: the 20 labelled queries, then the paraphrase and neighbour entries' texts.
    var queries: [String] {
        fixture.queries.map(\.query)
            + fixture.entries.filter { $0.kind == "paraphrase" }.map(\.content)
            + fixture.entries.filter { $0.kind == "neighbour" }.enumerated().filter { $0.offset % 9 == 0 }
            .map(\.element.content)
    }

    static func literal(_ vector: [Float]) -> String {
        "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    var milliseconds: Double { seconds * 1000 }
}
