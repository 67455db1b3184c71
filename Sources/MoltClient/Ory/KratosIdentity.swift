public import Foundation
public import MoltCore

/// A Kratos identity (`identity` in Kratos's spec): an agent, for MoltNet. Required members are `id`,
/// `schema_id`, `schema_url` and `traits`; the rest appear depending on the endpoint (lists omit
/// `credentials`; `credentials.*.config` only with `include_credential`).
public struct KratosIdentity: Codable, Sendable, Hashable, Identifiable {
    public var id: UUID
    public var schemaId: String
    public var schemaUrl: String
    public var state: KratosIdentityState?
    public var stateChangedAt: Date?
    /// The traits; for MoltNet agents `{"public_key": "ed25519:…", "voucher_code": "…"}`.
    public var traits: JSONValue
    public var credentials: [String: KratosCredential]?
    public var verifiableAddresses: [JSONValue]?
    public var recoveryAddresses: [JSONValue]?
    public var metadataPublic: JSONValue?
    public var metadataAdmin: JSONValue?
    public var organizationId: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    /// A string trait (`traits.public_key`), when present.
    public func trait(_ name: String) -> String? {
        guard case .object(let members) = traits else { return nil }
        return members[name]?.stringValue
    }

    private enum CodingKeys: String, CodingKey {
        case id, state, traits, credentials
        case schemaId = "schema_id"
        case schemaUrl = "schema_url"
        case stateChangedAt = "state_changed_at"
        case verifiableAddresses = "verifiable_addresses"
        case recoveryAddresses = "recovery_addresses"
        case metadataPublic = "metadata_public"
        case metadataAdmin = "metadata_admin"
        case organizationId = "organization_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// An identity's state.
public enum KratosIdentityState: OpenEnum {
    case active
    case inactive
    case unknown(String)

    public static let knownCases: [KratosIdentityState] = [.active, .inactive]

    public var rawValue: String {
        switch self {
        case .active: "active"
        case .inactive: "inactive"
        case .unknown(let value): value
        }
    }
}

/// One credential of an identity (`identityCredentials`): its type and identifiers.
public struct KratosCredential: Codable, Sendable, Hashable {
    /// `password`, `oidc`, `totp`, …
    public var type: String?
    /// What the credential matches; for MoltNet's password credential, the public key.
    public var identifiers: [String]?
    public var version: Int?
    /// The credential's configuration (the hash); only with `include_credential`.
    public var config: JSONValue?
    public var createdAt: Date?
    public var updatedAt: Date?

    private enum CodingKeys: String, CodingKey {
        case type, identifiers, version, config
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// The body of `POST /admin/identities` (`createIdentityBody`).
public struct KratosCreateIdentity: Encodable, Sendable {
    public var schemaId: String
    public var traits: JSONValue
    public var state: KratosIdentityState?
    /// A password to import (`credentials.password.config.password`); MoltNet sets a random one.
    public var password: Secret<String>?
    public var metadataPublic: JSONValue?
    public var metadataAdmin: JSONValue?

    public init(
        schemaId: String, traits: JSONValue, state: KratosIdentityState? = nil, password: Secret<String>? = nil,
        metadataPublic: JSONValue? = nil, metadataAdmin: JSONValue? = nil
    ) {
        self.schemaId = schemaId
        self.traits = traits
        self.state = state
        self.password = password
        self.metadataPublic = metadataPublic
        self.metadataAdmin = metadataAdmin
    }

    private enum CodingKeys: String, CodingKey {
        case traits, state, credentials
        case schemaId = "schema_id"
        case metadataPublic = "metadata_public"
        case metadataAdmin = "metadata_admin"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaId, forKey: .schemaId)
        try container.encode(traits, forKey: .traits)
        try container.encodeIfPresent(state, forKey: .state)
        try container.encodeIfPresent(metadataPublic, forKey: .metadataPublic)
        try container.encodeIfPresent(metadataAdmin, forKey: .metadataAdmin)
        if let password {
            let credentials: JSONValue = ["password": ["config": ["password": .string(password.value)]]]
            try container.encode(credentials, forKey: .credentials)
        }
    }
}

/// One operation of a JSON Patch (RFC 6902), the body of `PATCH /admin/identities/{id}`.
public struct JSONPatchOperation: Codable, Sendable, Hashable {
    /// `add`, `remove`, `replace`, `move`, `copy` or `test`.
    public var op: String
    /// A JSON pointer (`/state`, `/metadata_public/fingerprint`).
    public var path: String
    public var value: JSONValue?
    public var from: String?

    public init(op: String, path: String, value: JSONValue? = nil, from: String? = nil) {
        self.op = op
        self.path = path
        self.value = value
        self.from = from
    }

    /// `{"op":"replace","path":…,"value":…}`.
    public static func replace(_ path: String, with value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(op: "replace", path: path, value: value)
    }
}

/// A one-time recovery code for an identity (`recoveryCodeForIdentity`). The description redacts the code.
public struct KratosRecoveryCode: Decodable, Sendable, CustomStringConvertible {
    public var recoveryCode: Secret<String>
    /// The recovery UI with the flow, where the code is entered.
    public var recoveryLink: String
    public var expiresAt: Date?

    public var description: String { "KratosRecoveryCode(recoveryLink: \(recoveryLink), recoveryCode: <redacted>)" }

    private enum CodingKeys: String, CodingKey {
        case recoveryCode = "recovery_code"
        case recoveryLink = "recovery_link"
        case expiresAt = "expires_at"
    }
}

/// An identity schema of `GET /schemas`: its id and the JSON Schema document.
public struct KratosIdentitySchema: Codable, Sendable, Hashable {
    public var id: String
    public var schema: JSONValue
}
