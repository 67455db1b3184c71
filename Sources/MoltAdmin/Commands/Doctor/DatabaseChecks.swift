import Foundation
import MoltCore
import MoltPostgres

/// The database: reachable, with pgvector and MoltNet's migrations, and a DBOS schema new enough.
struct DatabaseChecks {
    /// The DBOS schema version the server writes (dbos 3.4.0).
    static let dbosVersion = 125

    let context: AdminContext

    func run() async -> [DoctorCheck] {
        let database = context.database
        let url = RedactedURL.text(context.configuration.databaseURL)
        var checks: [DoctorCheck] = []
        do {
            let row = try await database.query(
                """
                SELECT current_setting('server_version') AS version,
                    (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS vector,
                    to_regclass('public.moltnet_schema_migrations') IS NOT NULL AS migrated
                """
            ).first
            let version: String = try row?.decode("version") ?? "?"
            let vector: String? = try row?.decode("vector")
            checks.append(.ok("database", "\(url): PostgreSQL \(version)"))
            if let vector {
                checks.append(.ok("pgvector", "extension vector \(vector)"))
            } else {
                checks.append(
                    .fail(
                        "pgvector", "the vector extension is not installed",
                        fix: "install pgvector and run CREATE EXTENSION vector (moltnetd's migrations do it)"))
            }
            if try row?.decode("migrated", as: Bool.self) == true {
                let applied = try await database.query(
                    "SELECT count(*)::int AS count, max(version) AS latest FROM moltnet_schema_migrations"
                ).first
                let count: Int = try applied?.decode("count") ?? 0
                checks.append(.ok("migrations", "\(count) MoltNet migrations applied"))
            } else {
                checks.append(
                    .fail(
                        "migrations", "no MoltNet tables in this database",
                        fix: "start moltnetd once against it (it migrates), or check --database-url"))
            }
        } catch {
            checks.append(
                .fail(
                    "database", ErrorMessage.describe(error, configuration: context.configuration),
                    fix: "start PostgreSQL (scripts/pg.sh start) or set --database-url / DATABASE_URL"))
            return checks
        }
        checks.append(await dbosCheck())
        return checks
    }

    private func dbosCheck() async -> DoctorCheck {
        do {
            let row = try await context.database.query(
                """
                SELECT to_regclass('dbos.dbos_migrations') IS NOT NULL AS present,
                    to_regclass('dbos.workflow_status') IS NOT NULL AS workflows
                """
            ).first
            guard try row?.decode("present", as: Bool.self) == true else {
                let hasTables = try row?.decode("workflows", as: Bool.self) == true
                return .fail(
                    "dbos schema", hasTables ? "dbos tables without dbos.dbos_migrations" : "no dbos schema",
                    fix: "start moltnetd once against this database: its workflow engine creates the schema")
            }
            let version: Int64 =
                try await context.database.query("SELECT max(version) AS version FROM dbos.dbos_migrations").first?
                .decode("version") ?? 0
            guard version >= Self.dbosVersion else {
                return .fail(
                    "dbos schema", "version \(version), older than \(Self.dbosVersion)",
                    fix: "upgrade it with `dbos migrate -s <database url>` (dbos 3.4), then restart moltnetd")
            }
            return .ok("dbos schema", "version \(version)")
        } catch {
            return .fail(
                "dbos schema", ErrorMessage.describe(error, configuration: context.configuration),
                fix: "check --database-url")
        }
    }
}
