import Foundation
public import MoltPostgres
import MoltCore

/// A fresh, empty (or migrated) database on the real project-local Postgres for one test.
///
/// Each test gets its own database, so tests run in parallel without seeing each other's rows. With
/// migrations, the database is cloned from a template migrated once per distinct migration set, which makes
/// a new database take milliseconds. A missing Postgres fails the test with instructions; it never skips.
public struct TestDatabase: Sendable {
    /// The server every test database lives on: `MOLTNET_TEST_DATABASE_URL`, else the project-local Postgres.
    public static var serverURL: String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["MOLTNET_TEST_DATABASE_URL"], !url.isEmpty { return url }
        let port = environment["MOLTNET_PG_PORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "54329"
        return "postgresql://postgres@127.0.0.1:\(port)/postgres"
    }

    /// The database's name.
    public let name: String
    /// A URL connecting to it.
    public let url: String
    /// A pool on it.
    public let pool: PostgresPool

    /// Creates a database, runs `body` with it, and drops it afterwards (also when `body` throws).
    public static func with<T: Sendable>(
        migrations: [Migration] = [], _ body: (TestDatabase) async throws -> T
    ) async throws -> T {
        let database = try await create(migrations: migrations)
        do {
            let value = try await body(database)
            await database.drop()
            return value
        } catch {
            await database.drop()
            throw error
        }
    }

    /// Creates a database; call `drop()` when done.
    public static func create(migrations: [Migration] = []) async throws -> TestDatabase {
        let admin = try await adminConnection()
        defer { admin.close() }
        let name = "molt_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        if migrations.isEmpty {
            try await admin.execute(script: "CREATE DATABASE \(name)")
        } else {
            let template = try await migratedTemplate(migrations, admin: admin)
            try await admin.execute(script: "CREATE DATABASE \(name) TEMPLATE \(template)")
        }
        let url = urlFor(database: name)
        return TestDatabase(name: name, url: url, pool: PostgresPool(url: url, maximumConnections: 8))
    }

    /// Closes the pool and drops the database.
    public func drop() async {
        await pool.shutDown()
        guard let admin = try? await Self.adminConnection() else { return }
        defer { admin.close() }
        try? await admin.execute(script: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// The server URL with its database name replaced.
    public static func urlFor(database: String) -> String {
        let base = serverURL
        guard
            let slash = base.range(
                of: "/", options: .backwards, range: base.range(of: "://")!.upperBound..<base.endIndex)
        else { return base + "/" + database }
        let query = base[slash.upperBound...].firstIndex(of: "?").map { String(base[$0...]) } ?? ""
        return String(base[..<slash.upperBound]) + database + query
    }

    private static func adminConnection() async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(to: serverURL, applicationName: "moltnet-tests")
        } catch {
            throw TestDatabaseError(
                "Postgres is not reachable at \(serverURL) (\(error.message)). Start it with `scripts/pg.sh start` "
                    + "or `make test`, or set MOLTNET_TEST_DATABASE_URL.")
        }
    }

    /// The template for a migration set, created once (by whichever test process gets there first).
    private static func migratedTemplate(_ migrations: [Migration], admin: PostgresConnection) async throws -> String {
        let digest = Hex.encode(Digest.sha256(migrations.map(\.checksum).joined(separator: ",")).prefix(8))
        let template = "molt_template_\(digest)"
        let exists = try await admin.query("SELECT 1 FROM pg_database WHERE datname = \(template)")
        if !exists.rows.isEmpty { return template }
        // Build the template once: the lock is held only while it is built, so test databases are then cloned
        // in parallel. Session-level: released below, or when `admin` closes if building fails.
        try await Migrator.acquire(Migrator.lockKey + 1, on: admin)
        let built = try await admin.query("SELECT 1 FROM pg_database WHERE datname = \(template)")
        if built.rows.isEmpty {
            let building = template + "_building"
            try await admin.execute(script: "DROP DATABASE IF EXISTS \(building) WITH (FORCE)")
            try await admin.execute(script: "CREATE DATABASE \(building)")
            let connection = try await PostgresConnection.connect(to: urlFor(database: building))
            do {
                try await Migrator(migrations: migrations).migrate(connection)
                connection.close()
            } catch {
                connection.close()
                throw error
            }
            try await admin.execute(script: "ALTER DATABASE \(building) RENAME TO \(template)")
        }
        try await admin.query("SELECT pg_advisory_unlock(\(Migrator.lockKey + 1))")
        return template
    }
}

/// Why a test database could not be provided.
public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
