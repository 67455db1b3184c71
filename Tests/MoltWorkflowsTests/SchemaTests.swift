import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("DBOS system schema")
struct SchemaTests {
    @Test("the engine creates the dbos schema at version 125 once, even when several start together")
    func createsOnce() async throws {
        try await TestDatabase.with { database in
            let outcomes = try await withThrowingTaskGroup(of: DBOSSystemSchema.Outcome.self) { group in
                for _ in 0..<3 { group.addTask { try await DBOSSystemSchema.ensure(database.pool) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .created }.count == 1)
            #expect(outcomes.filter { $0 == .existing(version: 125) }.count == 2)
            let version = try await database.pool.query("SELECT version FROM dbos.dbos_migrations")
            #expect(try version.rows.map { try $0.decode("version", as: Int.self) } == [125])
            let tables = try await database.pool.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'dbos' ORDER BY table_name")
            #expect(
                try tables.rows.map { try $0.decode("table_name", as: String.self) } == [
                    "application_versions", "dbos_migrations", "event_dispatch_kv", "notifications",
                    "operation_outputs", "queues", "streams", "workflow_events", "workflow_events_history",
                    "workflow_input", "workflow_output", "workflow_schedules", "workflow_status",
                ])
            let trigger = try await database.pool.query(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'dbos.notifications'::regclass AND NOT tgisinternal")
            #expect(try trigger.first?.decode("tgname", as: String.self) == "dbos_notifications_trigger")
        }
    }

    @Test("an older schema made by DBOS is left untouched and the engine refuses to run on it")
    func leavesOlderSchemaAlone() async throws {
        try await TestDatabase.with { database in
            try await database.pool.withConnection { connection in
                try await connection.execute(
                    script: """
                        CREATE SCHEMA dbos;
                        CREATE TABLE dbos.dbos_migrations (version BIGINT NOT NULL PRIMARY KEY);
                        INSERT INTO dbos.dbos_migrations VALUES (31);
                        CREATE TABLE dbos.workflow_status (workflow_uuid TEXT PRIMARY KEY, status TEXT);
                        """)
            }
            await #expect(throws: WorkflowError.self) { try await DBOSSystemSchema.ensure(database.pool) }
            let engine = WorkflowEngine(databaseURL: database.url, logger: .disabled)
            await #expect(throws: WorkflowError.self) { try await engine.run() }
            let version = try await database.pool.query("SELECT version FROM dbos.dbos_migrations")
            #expect(try version.first?.decode("version", as: Int.self) == 31)
            let tables = try await database.pool.query(
                "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'dbos'")
            #expect(try tables.first?.decode("n", as: Int.self) == 2)
        }
    }

    @Test("a current schema is used as it is")
    func usesCurrentSchema() async throws {
        try await TestDatabase.with { database in
            #expect(try await DBOSSystemSchema.ensure(database.pool) == .created)
            try await database.pool.query("UPDATE dbos.dbos_migrations SET version = 130")
            #expect(try await DBOSSystemSchema.ensure(database.pool) == .existing(version: 130))
        }
    }
}
