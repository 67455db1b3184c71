import MoltCore
import MoltPostgres

/// Named secrets generated once per database (`server_secrets`), for deployments that configure none.
struct ServerSecrets: Sendable {
    let database: PostgresPool

    /// The secret called `name`, created with 32 random bytes (hex) the first time it is asked for.
    func secret(named name: String) async throws -> Secret<String> {
        let candidate = Hex.encode(SecureRandom.bytes(32))
        try await database.query(
            "INSERT INTO server_secrets (name, value) VALUES (\(name), \(candidate)) ON CONFLICT (name) DO NOTHING")
        let value = try await database.query("SELECT value FROM server_secrets WHERE name = \(name)").first!
            .decode("value", as: String.self)
        return Secret(value)
    }
}
