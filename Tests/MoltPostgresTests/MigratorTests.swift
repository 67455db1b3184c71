import Foundation
import MoltPostgres
import MoltTestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    let migrations = [
        Migration(version: 1, name: "things", sql: "CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL);"),
        Migration(
            version: 2, name: "thing_tags",
            sql: "ALTER TABLE things ADD COLUMN tags text[]; CREATE INDEX ON things (name);"),
    ]

    @Test("applies pending migrations in order, once")
    func appliesOnce() async throws {
        try await TestDatabase.with { database in
            let migrator = Migrator(migrations: migrations.reversed())
            #expect(try await migrator.migrate(database.pool) == [1, 2])
            #expect(try await migrator.migrate(database.pool) == [])
            let more = Migrator(
                migrations: migrations + [Migration(version: 3, name: "more", sql: "CREATE TABLE more (x int);")])
            #expect(try await more.migrate(database.pool) == [3])
            let versions = try await database.pool.withConnection { try await more.appliedVersions($0) }
            #expect(versions == [1, 2, 3])
        }
    }

    @Test("a failing migration leaves nothing half-applied and is not recorded")
    func failureRollsBack() async throws {
        try await TestDatabase.with { database in
            let broken = Migrator(migrations: [
                migrations[0],
                Migration(
                    version: 2, name: "broken", sql: "CREATE TABLE partial (x int); SELECT * FROM no_such_table;"),
            ])
            await #expect(throws: PostgresError.self) { try await broken.migrate(database.pool) }
            let tables = try await database.pool.query(
                "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'partial'"
            ).first?.decode("n", as: Int.self)
            #expect(tables == 0)
            let versions = try await database.pool.withConnection { try await broken.appliedVersions($0) }
            #expect(versions == [1])
        }
    }

    @Test("an applied migration whose SQL changed is refused")
    func checksum() async throws {
        try await TestDatabase.with { database in
            try await Migrator(migrations: migrations).migrate(database.pool)
            let edited = Migrator(migrations: [
                Migration(version: 1, name: "things", sql: "CREATE TABLE things (id bigint PRIMARY KEY);"),
                migrations[1],
            ])
            let error = await #expect(throws: PostgresError.self) { try await edited.migrate(database.pool) }
            #expect(error?.code == .migration)
        }
    }

    @Test("concurrent migrators apply each migration exactly once")
    func concurrent() async throws {
        try await TestDatabase.with { database in
            let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let pool = PostgresPool(url: database.url, maximumConnections: 1)
                        defer { Task { await pool.shutDown() } }
                        return try await Migrator(migrations: migrations).migrate(pool)
                    }
                }
                var all: [Int] = []
                for try await versions in group { all += versions }
                return all
            }
            #expect(applied.sorted() == [1, 2])
        }
    }

    @Test("loads NNNN_name.sql files from a folder in numeric order")
    func loadsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SELECT 2;".write(to: folder.appendingPathComponent("0010_second.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1;".write(to: folder.appendingPathComponent("0002_first.sql"), atomically: true, encoding: .utf8)
        try "notes".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let loaded = try Migration.load(from: folder)
        #expect(loaded.map(\.version) == [2, 10])
        #expect(loaded.map(\.name) == ["first", "second"])
    }
}
