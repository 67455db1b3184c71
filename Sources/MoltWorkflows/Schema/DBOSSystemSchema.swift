import Foundation
import MoltCore
public import MoltPostgres

/// One DBOS system-schema migration: its number and DBOS's SQL for it.
struct DBOSMigration: Sendable {
    let version: Int
    let sql: String
}

/// DBOS's migrations, verbatim from `dbos migrate --print-migrations all` (dbos==3.4.0).
enum DBOSMigrations {
    static var all: [DBOSMigration] { part1 + part2 + part3 + part4 + part5 }
}

/// Creates the DBOS system schema (`dbos`, version 125, the version dbos==3.4.0 writes) when it is missing,
/// and leaves an existing one alone.
///
/// The whole schema is created in one transaction under an advisory lock, so several processes starting
/// together create it once and a crash mid-way leaves nothing behind. The SQL is DBOS's own; the only change
/// is that `CREATE/DROP INDEX CONCURRENTLY` runs as plain `CREATE/DROP INDEX`, which a transaction requires
/// and which yields the same index on fresh, empty tables. An existing schema (made by DBOS or by us) is
/// never altered: at version 125 or newer it is used as is; older, the engine refuses to start and says how
/// to upgrade it with DBOS's own tool.
public enum DBOSSystemSchema {
    /// The `dbos_migrations.version` this engine writes and needs.
    public static let version = 125
    /// The advisory lock key taken while checking and creating the schema.
    public static let lockKey: Int64 = 0x4D6F_6C74_4442_4F53

    /// What `ensure` found or did.
    public enum Outcome: Sendable, Equatable {
        /// The schema was missing and is now created at `version`.
        case created
        /// A schema was already there, at this version.
        case existing(version: Int)
    }

    /// Creates the schema if it is missing; checks an existing one's version.
    @discardableResult
    public static func ensure(_ pool: PostgresPool) async throws -> Outcome {
        try await pool.withConnection { connection in
            try await connection.transaction { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))")
                if let existing = try await installedVersion(connection) {
                    guard existing >= version else {
                        throw WorkflowError(
                            .incompatibleSchema,
                            message: "the dbos schema is at version \(existing) and MoltWorkflows needs \(version); "
                                + "upgrade it with `dbos migrate -s <url>` from dbos==3.4.0 or newer")
                    }
                    return .existing(version: existing)
                }
                try await connection.execute(script: script)
                return .created
            }
        }
    }

    /// The installed `dbos_migrations.version`, nil when there is no DBOS schema.
    public static func installedVersion(_ connection: PostgresConnection) async throws -> Int? {
        let table = try await connection.query("SELECT to_regclass('dbos.dbos_migrations') IS NOT NULL AS present")
        guard try table.first?.decode("present", as: Bool.self) == true else {
            let schema = try await connection.query("SELECT 1 FROM pg_namespace WHERE nspname = 'dbos'")
            guard schema.rows.isEmpty else {
                throw WorkflowError(
                    .incompatibleSchema, message: "a dbos schema exists without dbos.dbos_migrations; not touching it")
            }
            return nil
        }
        let result = try await connection.query("SELECT max(version) AS version FROM dbos.dbos_migrations")
        return try result.first?.decode("version", as: Int?.self) ?? 0
    }

    /// The full creation script: DBOS's preamble and every migration, in order.
    static var script: String {
        let body = ([DBOSMigrations.preamble] + DBOSMigrations.all.map(\.sql)).joined(separator: "\n")
        return
            body
            .replacingOccurrences(of: "CREATE INDEX CONCURRENTLY", with: "CREATE INDEX")
            .replacingOccurrences(of: "CREATE UNIQUE INDEX CONCURRENTLY", with: "CREATE UNIQUE INDEX")
            .replacingOccurrences(of: "DROP INDEX CONCURRENTLY", with: "DROP INDEX")
    }
}
