import Foundation
import MoltPostgres
import MoltTestSupport
import Testing

@Suite("Prepared statements (query(prepared:))")
struct PreparedStatementTests {
    @Test("a prepared statement is prepared once per session and answers like the unprepared one")
    func preparedOnce() async throws {
        try await TestDatabase.with { database in
            try await database.pool.withConnection { connection in
                for value in [1, 2, 3, -7, 1 << 40] {
                    let sql: SQL = "SELECT \(value)::bigint * 2 AS doubled, \("x\(value)") AS label"
                    let plain = try #require(try await connection.query(sql).first)
                    let prepared = try #require(try await connection.query(prepared: sql).first)
                    #expect(try prepared.decode("label", as: String.self) == plain.decode("label", as: String.self))
                    #expect(try prepared.decode("doubled", as: Int.self) == value * 2)
                }
                let none: Int? = nil
                let row = try #require(try await connection.query(prepared: "SELECT \(none)::int AS n").first)
                #expect(try row.decode("n", as: Int?.self) == nil)
                let statements = try await connection.query(
                    "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'molt\\_%' ORDER BY name"
                ).rows.map { try $0.decode("statement", as: String.self) }
                #expect(statements.count == 2)
                #expect(statements.contains { $0.contains("* 2 AS doubled") })
            }
        }
    }

    @Test("binds with NUL are refused before anything is sent, as for unprepared statements")
    func nulRefused() async throws {
        try await TestDatabase.with { database in
            let error = await #expect(throws: PostgresError.self) {
                try await database.pool.query(prepared: "SELECT \("a\u{0}b") AS t")
            }
            #expect(error?.sqlState == "22021")
        }
    }

    @Test("after a schema change alters its result, the statement fails once and is prepared afresh")
    func schemaChange() async throws {
        try await TestDatabase.with { database in
            try await database.pool.withConnection { connection in
                try await connection.query("CREATE TABLE notes (id int)")
                try await connection.query("INSERT INTO notes VALUES (1)")
                let plain: SQL = "SELECT * FROM notes WHERE id = \(1)"
                let select = plain
                #expect(try await connection.query(prepared: select).rows.count == 1)
                try await connection.query("ALTER TABLE notes ADD COLUMN body text DEFAULT 'b'")
                let error = await #expect(throws: PostgresError.self) { try await connection.query(prepared: select) }
                #expect(error?.sqlState == "0A000")
                let row = try #require(try await connection.query(prepared: select).first)
                #expect(try row.decode("body", as: String.self) == "b")
            }
        }
    }
}
