import MoltCore

/// Applies numbered migrations in order, each once and in its own transaction, under an advisory lock so
/// several processes starting together do not race.
///
/// Applied versions are recorded in `moltnet_schema_migrations` with their checksum; a recorded migration
/// whose SQL changed since is an error rather than being silently skipped.
public struct Migrator: Sendable {
    /// The advisory lock key every MoltNet migrator takes (`hashtext('moltnet.migrations')`-like constant).
    public static let lockKey: Int64 = 0x4D6F_6C74_4D69_6772
    /// The table recording applied migrations.
    public let table: String
    let migrations: [Migration]

    public init(migrations: [Migration], table: StaticString = "moltnet_schema_migrations") {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.table = table.description
        self.tableSQL = SQL(stringLiteral: table)
    }

    private let tableSQL: SQL

    /// Applies every migration not yet recorded and returns the versions it applied.
    @discardableResult
    public func migrate(_ pool: PostgresPool) async throws -> [Int] {
        try await pool.withConnection { connection in
            try await migrate(connection)
        }
    }

    /// Applies pending migrations on one connection (holding the advisory lock for the whole run).
    ///
    /// The lock is polled with `pg_try_advisory_lock` rather than waited for in the server: a blocked libpq call
    /// would hold a blocking-pool thread that the lock's holder may need to finish.
    @discardableResult
    public func migrate(_ connection: PostgresConnection) async throws -> [Int] {
        try await Self.acquire(Self.lockKey, on: connection)
        do {
            let applied = try await applyPending(connection)
            try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
            return applied
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
            throw error
        }
    }

    /// Takes a session-level advisory lock, polling every 20 ms without holding a thread while waiting.
    public static func acquire(_ key: Int64, on connection: PostgresConnection) async throws {
        while true {
            let locked = try await connection.query("SELECT pg_try_advisory_lock(\(key)) AS locked").first?
                .decode("locked", as: Bool.self)
            if locked == true { return }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The versions already recorded in the database, in order.
    public func appliedVersions(_ connection: PostgresConnection) async throws -> [Int] {
        try await ensureTable(connection)
        let result = try await connection.query("SELECT version FROM \(tableSQL) ORDER BY version")
        return try result.rows.map { row throws(PostgresError) in try row.decode("version", as: Int.self) }
    }

    private func ensureTable(_ connection: PostgresConnection) async throws {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS \(tableSQL) (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    private func applyPending(_ connection: PostgresConnection) async throws -> [Int] {
        try await ensureTable(connection)
        let result = try await connection.query("SELECT version, checksum FROM \(tableSQL)")
        var recorded: [Int: String] = [:]
        for row in result.rows {
            recorded[try row.decode("version")] = try row.decode("checksum", as: String.self)
        }
        var applied: [Int] = []
        for migration in migrations {
            if let checksum = recorded[migration.version] {
                guard checksum == migration.checksum else {
                    throw PostgresError(
                        .migration,
                        message: "migration \(migration.version)_\(migration.name) changed after it was applied")
                }
                continue
            }
            try await connection.transaction { connection in
                try await connection.execute(script: migration.sql)
                try await connection.query(
                    """
                    INSERT INTO \(tableSQL) (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
            }
            applied.append(migration.version)
        }
        return applied
    }
}
