import Foundation
import MoltPostgres
import MoltTestSupport
import Testing

@Suite("Connections, queries and row decoding on the real Postgres")
struct PostgresConnectionTests {
    @Test("round-trips every supported type through binds and columns")
    func roundTrip() async throws {
        try await TestDatabase.with { database in
            let id = UUID()
            let when = Date(timeIntervalSince1970: 1_771_841_472.345678)
            let tags = ["a", "b c", "quote\"d", "back\\slash", "comma,x", "{brace}", "NULL", "ünï ✓"]
            let bytes = Data([0, 1, 254, 255])
            let row = try #require(
                try await database.pool.query(
                    """
                    SELECT \(id)::uuid AS id, \(when)::timestamptz AS at, \(tags)::text[] AS tags,
                           \(Int.max)::bigint AS big, \(Int16(7))::smallint AS small, \(true) AS flag,
                           \(2.5) AS ratio, \("ünï ✓ 日本語") AS text, \(bytes)::bytea AS bytes,
                           NULL::text AS missing, ARRAY[]::text[] AS empty
                    """
                ).first)
            #expect(try row.decode("id", as: UUID.self) == id)
            let at = try row.decode("at", as: Date.self)
            #expect(abs(at.timeIntervalSince1970 - when.timeIntervalSince1970) < 0.000_002)
            #expect(try row.decode("tags", as: [String].self) == tags)
            #expect(try row.decode("big", as: Int.self) == Int.max)
            #expect(try row.decode("small", as: Int16.self) == 7)
            #expect(try row.decode("flag", as: Bool.self))
            #expect(try row.decode("ratio", as: Double.self) == 2.5)
            #expect(try row.decode("text", as: String.self) == "ünï ✓ 日本語")
            #expect(try row.decode("bytes", as: Data.self) == bytes)
            #expect(try row.decode("missing", as: String?.self) == nil)
            #expect(try row.decode("empty", as: [String].self) == [])
        }
    }

    @Test("decoding errors name the column, not its value")
    func decodingErrors() async throws {
        try await TestDatabase.with { database in
            let row = try #require(try await database.pool.query("SELECT 'secret-value' AS word, NULL AS gap").first)
            let notNumber = #expect(throws: PostgresError.self) { try row.decode("word", as: Int.self) }
            #expect(notNumber?.code == .decoding)
            #expect(notNumber?.description.contains("secret-value") == false)
            #expect(throws: PostgresError.self) { try row.decode("gap", as: String.self) }
            #expect(throws: PostgresError.self) { try row.decode("absent", as: String.self) }
        }
    }

    @Test("server errors carry SQLSTATE and keep bind values out of the description")
    func serverErrors() async throws {
        try await TestDatabase.with { database in
            try await database.pool.query("CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)")
            try await database.pool.query("INSERT INTO t VALUES (\(1), \("first"))")
            let duplicate = await #expect(throws: PostgresError.self) {
                try await database.pool.query("INSERT INTO t VALUES (\(1), \("top-secret"))")
            }
            #expect(duplicate?.isUniqueViolation == true)
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.description.contains("top-secret") == false)
            let syntax = await #expect(throws: PostgresError.self) { try await database.pool.query("SELEC 1") }
            #expect(syntax?.sqlState == "42601")
            // The pool still works after errors.
            let count = try await database.pool.query("SELECT count(*) AS n FROM t").first?.decode("n", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test("affected row counts and RETURNING")
    func affectedRows() async throws {
        try await TestDatabase.with { database in
            try await database.pool.query("CREATE TABLE t (id serial PRIMARY KEY, n int)")
            let inserted = try await database.pool.query(
                "INSERT INTO t (n) SELECT g FROM generate_series(1, 5) g RETURNING id")
            #expect(inserted.rows.count == 5)
            let updated = try await database.pool.query("UPDATE t SET n = n + 1 WHERE n > \(2)")
            #expect(updated.affectedRows == 3)
        }
    }

    @Test("a connection failure is a clear .connection error")
    func unreachable() async {
        let error = await #expect(throws: PostgresError.self) {
            _ = try await PostgresConnection.connect(to: "postgresql://postgres@127.0.0.1:1/postgres")
        }
        #expect(error?.code == .connection)
        #expect(error?.message.contains("127.0.0.1") == true)
    }

    @Test("cancelling the task cancels a running statement")
    func cancellation() async throws {
        try await TestDatabase.with { database in
            let started = ContinuousClock.now
            let task = Task { try await database.pool.query("SELECT pg_sleep(30)") }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let error = await #expect(throws: PostgresError.self) { try await task.value }
            #expect(error?.sqlState == "57014")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }
}
