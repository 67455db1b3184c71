import MoltCore
import Foundation
import MoltPostgres

/// An identity as the embedded store keeps it: the protocol's value plus Kratos's free-form metadata and
/// the row's place in keyset order.
struct IdentityRecord: Sendable, Equatable {
    var identity: Identity
    var metadataPublic: JSONValue?
    var metadataAdmin: JSONValue?
    var seq: Int64

    /// The columns `init(row:)` reads.
    static let columns: SQL = """
        id, seq, schema_id, state, public_key, voucher_code, fingerprint, metadata_public::text AS metadata_public,
        metadata_admin::text AS metadata_admin, state_changed_at, created_at, updated_at
        """

    init(row: PostgresRow) throws {
        let state = try row.decode("state", as: String.self)
        identity = Identity(
            id: try row.decode("id"), schemaID: try row.decode("schema_id"),
            state: IdentityState(rawValue: state) ?? .inactive, publicKey: try row.decode("public_key"),
            voucherCode: try row.decode("voucher_code"), fingerprint: try row.decode("fingerprint"),
            createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"),
            stateChangedAt: try row.decode("state_changed_at"))
        metadataPublic = try JSONValue.column(row, "metadata_public")
        metadataAdmin = try JSONValue.column(row, "metadata_admin")
        seq = try row.decode("seq")
    }
}

/// The writable parts of an identity (what Kratos's `PUT` replaces and `PATCH` edits).
struct IdentityChanges: Sendable, Equatable {
    var traits: AgentIdentitySchema.Traits
    var state: IdentityState
    var metadataPublic: JSONValue?
    var metadataAdmin: JSONValue?

    init(_ record: IdentityRecord) {
        traits = AgentIdentitySchema.Traits(
            publicKey: record.identity.publicKey, voucherCode: record.identity.voucherCode,
            fingerprint: record.identity.fingerprint)
        state = record.identity.state
        metadataPublic = record.metadataPublic
        metadataAdmin = record.metadataAdmin
    }

    init(
        traits: AgentIdentitySchema.Traits, state: IdentityState, metadataPublic: JSONValue?,
        metadataAdmin: JSONValue?
    ) {
        self.traits = traits
        self.state = state
        self.metadataPublic = metadataPublic
        self.metadataAdmin = metadataAdmin
    }

    /// The public metadata MoltNet's registration webhook writes: the agent's fingerprint and key.
    static func defaultMetadataPublic(_ traits: AgentIdentitySchema.Traits) -> JSONValue {
        .object(["fingerprint": .string(traits.fingerprint), "public_key": .string(traits.publicKey)])
    }
}
