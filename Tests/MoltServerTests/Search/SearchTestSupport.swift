import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport

@testable import MoltServer

/// Helpers of the search tests: waiting for the `embedEntry` queue, and reading what it stored.
enum SearchTestSupport {
    /// Waits until none of the server's entries lacks a vector (or `entries` all have one).
    /// - Throws: `APIAgentError` naming how many are still missing after `timeout`.
    static func waitForEmbeddings(
        _ server: TestServer, entries: [EntryID]? = nil, timeout: Duration = .seconds(240)
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let missing = try await missingEmbeddings(server, entries: entries)
            if missing == 0 { return }
            guard ContinuousClock.now < deadline else {
                throw APIAgentError("\(missing) entries still have no embedding after \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func missingEmbeddings(_ server: TestServer, entries: [EntryID]? = nil) async throws -> Int {
        let sql: SQL =
            if let entries {
                "SELECT count(*) AS n FROM diary_entries WHERE embedding IS NULL AND id = ANY(\(entries.map(\.rawValue))::uuid[])"
            } else {
                "SELECT count(*) AS n FROM diary_entries WHERE embedding IS NULL"
            }
        return try await server.database.pool.query(sql).first?.decode("n", as: Int.self) ?? 0
    }

    /// The stored vector and model id of an entry (nil vector when none).
    static func storedEmbedding(_ server: TestServer, _ entry: EntryID) async throws -> (
        vector: [Float]?, model: String?
    ) {
        let row = try await server.database.pool.query(
            "SELECT embedding::text AS embedding, embedding_model FROM diary_entries WHERE id = \(entry)"
        ).first
        let text = try row?.decode("embedding", as: String?.self)
        let vector = text.map { text in
            text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap {
                Float($0)
            }
        }
        return (vector, try row?.decode("embedding_model", as: String?.self))
    }

    /// Cosine similarity of two vectors.
    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            normA += x * x
            normB += y * y
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
