import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

/// The schema MoltWorkflows creates against the one `dbos migrate` (dbos==3.4.0) creates.
@Suite("DBOS schema equivalence")
struct DBOSSchemaInteropTests {
    /// Columns, constraints, indexes, functions and triggers of the `dbos` schema, as comparable text.
    private func catalog(_ pool: PostgresPool) async throws -> [String] {
        let queries: [SQL] = [
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '
                || COALESCE(column_default, '-') || ' ' || COALESCE(character_maximum_length::text, '-') AS item
            FROM information_schema.columns WHERE table_schema = 'dbos'
            """,
            """
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) AS item
            FROM pg_constraint WHERE connamespace = 'dbos'::regnamespace
            """,
            "SELECT 'index ' || indexdef AS item FROM pg_indexes WHERE schemaname = 'dbos'",
            """
            SELECT 'function ' || pg_get_functiondef(p.oid) AS item
            FROM pg_proc p WHERE p.pronamespace = 'dbos'::regnamespace
            """,
            """
            SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(t.oid) AS item
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = 'dbos'::regnamespace AND NOT t.tgisinternal
            """,
            "SELECT 'version ' || version AS item FROM dbos.dbos_migrations",
        ]
        var items: [String] = []
        for query in queries {
            items += try await pool.query(query).rows.map { try $0.decode("item", as: String.self) }
        }
        return items.sorted()
    }

    @Test("the engine's dbos schema is identical to the one dbos migrate creates")
    func identicalToDBOSMigrate() async throws {
        try await TestDatabase.with { ours in
            try await TestDatabase.with { theirs in
                try await DBOSSystemSchema.ensure(ours.pool)
                let output = try await PythonTools.run("dbos", ["migrate", "-s", theirs.url])
                try #require(output.status == 0, "dbos migrate failed: \(output.standardError.suffix(2000))")
                let expected = try await catalog(theirs.pool)
                let actual = try await catalog(ours.pool)
                #expect(expected.count > 100)
                #expect(Set(actual).subtracting(expected).sorted() == [])
                #expect(Set(expected).subtracting(actual).sorted() == [])
                #expect(try await DBOSSystemSchema.ensure(theirs.pool) == .existing(version: 125))
                #expect(try await catalog(theirs.pool) == expected)
            }
        }
    }
}
