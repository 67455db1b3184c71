import MoltCore
import Foundation
import MoltPostgres

/// The writable parts of an OAuth2 client (what Hydra's `PUT` replaces and `PATCH` edits), without the secret.
struct OAuth2ClientFields: Sendable, Equatable {
    var name: String
    var scope: String
    var grantTypes: [String]
    var tokenEndpointAuthMethod: String
    /// The metadata exactly as sent (MoltNet's agent clients hold `OAuth2ClientMetadata`).
    var metadata: JSONValue?
    /// Every other field of Hydra's client document, as sent.
    var extra: [String: JSONValue]

    /// `metadata.identity_id`, when it is a UUID.
    var identityID: UUID? {
        metadata?["identity_id"]?.stringValue.flatMap(UUID.init(uuidString:))
    }

    /// The metadata in MoltNet's agent shape, when it has that shape.
    var agentMetadata: OAuth2ClientMetadata? {
        guard let identityID, let publicKey = metadata?["public_key"]?.stringValue,
            let fingerprint = metadata?["fingerprint"]?.stringValue
        else { return nil }
        return OAuth2ClientMetadata(
            type: metadata?["type"]?.stringValue ?? "moltnet_agent", identityID: identityID, publicKey: publicKey,
            fingerprint: fingerprint)
    }

    /// The scopes as a list.
    var scopes: [String] { scope.split(separator: " ").map(String.init) }
}

extension OAuth2ClientMetadata {
    /// The metadata as a JSON object.
    var json: JSONValue {
        .object([
            "type": .string(type), "identity_id": .string(identityID.uuidString.lowercased()),
            "public_key": .string(publicKey), "fingerprint": .string(fingerprint),
        ])
    }
}

/// A client as the embedded store keeps it.
struct OAuth2ClientRecord: Sendable, Equatable {
    let id: String
    var fields: OAuth2ClientFields
    var secretVersion: Int
    var createdAt: Date
    var updatedAt: Date
    var seq: Int64

    static let columns: SQL = """
        id, seq, secret_version, name, scope, grant_types, token_endpoint_auth_method, metadata::text AS metadata,
        extra::text AS extra, created_at, updated_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        seq = try row.decode("seq")
        secretVersion = try row.decode("secret_version")
        fields = OAuth2ClientFields(
            name: try row.decode("name"), scope: try row.decode("scope"), grantTypes: try row.decode("grant_types"),
            tokenEndpointAuthMethod: try row.decode("token_endpoint_auth_method"),
            metadata: try JSONValue.column(row, "metadata"),
            extra: try JSONValue.column(row, "extra")?.objectValue ?? [:])
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }

    /// The protocol's value, carrying `secret` when one was just set.
    func client(secret: String? = nil) -> OAuth2Client {
        OAuth2Client(
            id: id, secret: secret, name: fields.name, scope: fields.scope, metadata: fields.agentMetadata,
            grantTypes: fields.grantTypes, tokenEndpointAuthMethod: fields.tokenEndpointAuthMethod,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}
