import Foundation
import MoltCore

/// Kratos's identity document (`identity` in its OpenAPI spec), written by the admin API and read by the
/// Kratos client.
enum KratosIdentityJSON {
    /// The identity document. The list endpoint leaves `credentials` out, as Kratos does.
    static func document(_ record: IdentityRecord, baseURL: String, includeCredentials: Bool) -> JSONValue {
        let identity = record.identity
        var members: [String: JSONValue] = [
            "id": .string(identity.id.uuidString.lowercased()),
            "schema_id": .string(identity.schemaID),
            "schema_url": .string(schemaURL(baseURL: baseURL, schemaID: identity.schemaID)),
            "state": .string(identity.state.rawValue),
            "state_changed_at": .string(ISO8601Timestamp.string(from: identity.stateChangedAt)),
            "traits": .object([
                "public_key": .string(identity.publicKey), "voucher_code": .string(identity.voucherCode),
            ]),
            "verifiable_addresses": .array([]),
            "recovery_addresses": .array([]),
            "metadata_public": record.metadataPublic ?? .null,
            "metadata_admin": record.metadataAdmin ?? .null,
            "organization_id": .null,
            "created_at": .string(ISO8601Timestamp.string(from: identity.createdAt)),
            "updated_at": .string(ISO8601Timestamp.string(from: identity.updatedAt)),
        ]
        if includeCredentials {
            members["credentials"] = .object([
                "password": .object([
                    "type": .string("password"),
                    "identifiers": .strings([identity.publicKey]),
                    "version": .integer(0),
                    "created_at": .string(ISO8601Timestamp.string(from: identity.createdAt)),
                    "updated_at": .string(ISO8601Timestamp.string(from: identity.updatedAt)),
                ])
            ])
        }
        return .object(members)
    }

    /// `<base>/schemas/<base64url(schema id)>`, as Kratos links a schema.
    static func schemaURL(baseURL: String, schemaID: String) -> String {
        "\(baseURL)/schemas/\(Base64.encodeURL(Array(schemaID.utf8)))"
    }

    /// Reads an identity document; nil when required fields are missing.
    static func identity(_ document: JSONValue) -> Identity? {
        guard let id = document["id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            let publicKey = document["traits"]?["public_key"]?.stringValue
        else { return nil }
        let fingerprint =
            document["metadata_public"]?["fingerprint"]?.stringValue
            ?? (try? Ed25519PublicKey(parsing: publicKey).fingerprint.value) ?? ""
        let date = { (key: String) in
            document[key]?.stringValue.flatMap(ISO8601Timestamp.date(from:)) ?? Date(timeIntervalSince1970: 0)
        }
        return Identity(
            id: id, schemaID: document["schema_id"]?.stringValue ?? AgentIdentitySchema.id,
            state: document["state"]?.stringValue.flatMap(IdentityState.init(rawValue:)) ?? .active,
            publicKey: publicKey, voucherCode: document["traits"]?["voucher_code"]?.stringValue ?? "",
            fingerprint: fingerprint, createdAt: date("created_at"), updatedAt: date("updated_at"),
            stateChangedAt: date("state_changed_at"))
    }
}
