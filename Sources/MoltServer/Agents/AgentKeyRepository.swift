import Foundation
import MoltCore
import MoltPostgres

/// Registered agents' keys (`agent_keys`): who holds which public key and fingerprint.
struct AgentKeyRepository: Sendable {
    /// One agent's key row.
    struct AgentKey: Sendable, Equatable {
        let identityID: AgentID
        let publicKey: String
        let fingerprint: String
        let createdAt: Date
    }

    let database: PostgresPool

    func find(identity: AgentID) async throws -> AgentKey? {
        try await database.query("SELECT \(Self.columns) FROM agent_keys WHERE identity_id = \(identity)").first
            .map(Self.key)
    }

    func find(fingerprint: String) async throws -> AgentKey? {
        try await database.query(
            "SELECT \(Self.columns) FROM agent_keys WHERE fingerprint = \(fingerprint.uppercased())"
        )
        .first.map(Self.key)
    }

    func find(publicKey: String) async throws -> AgentKey? {
        try await database.query("SELECT \(Self.columns) FROM agent_keys WHERE public_key = \(publicKey)").first
            .map(Self.key)
    }

    static let columns: SQL = "identity_id, public_key, fingerprint, created_at"

    static func key(_ row: PostgresRow) throws -> AgentKey {
        AgentKey(
            identityID: try row.decode("identity_id"), publicKey: try row.decode("public_key"),
            fingerprint: try row.decode("fingerprint"), createdAt: try row.decode("created_at"))
    }
}
