public import Foundation
public import MoltCore

/// A Hydra OAuth2 client (`oAuth2Client`): the members MoltNet uses as properties, every other member
/// Hydra sends kept in ``additionalProperties`` and sent back unchanged, so a get-modify-PUT keeps them.
///
/// `client_secret` appears only in the answers to create and to a PUT that sets one. `created_at` and
/// `updated_at` are Hydra's and are never sent.
public struct HydraOAuth2Client: Codable, Sendable, Equatable, CustomStringConvertible {
    public var clientId: String?
    public var clientName: String?
    public var clientSecret: Secret<String>?
    public var grantTypes: [String]?
    public var responseTypes: [String]?
    /// Space-separated scopes; an empty scope becomes Hydra's default scope on create.
    public var scope: String?
    public var audience: [String]?
    public var redirectUris: [String]?
    /// `client_secret_post` (MoltNet's agents) or `client_secret_basic` (Hydra's default).
    public var tokenEndpointAuthMethod: String?
    public var owner: String?
    /// For MoltNet's agents: `{"type":"moltnet_agent","identity_id","public_key","fingerprint"}`.
    public var metadata: JSONValue?
    public var subjectType: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Members beyond the ones above, as Hydra sent them.
    public var additionalProperties: [String: JSONValue]

    public init(
        clientId: String? = nil, clientName: String? = nil, clientSecret: Secret<String>? = nil,
        grantTypes: [String]? = nil, responseTypes: [String]? = nil, scope: String? = nil, audience: [String]? = nil,
        redirectUris: [String]? = nil, tokenEndpointAuthMethod: String? = nil, owner: String? = nil,
        metadata: JSONValue? = nil, additionalProperties: [String: JSONValue] = [:]
    ) {
        self.clientId = clientId
        self.clientName = clientName
        self.clientSecret = clientSecret
        self.grantTypes = grantTypes
        self.responseTypes = responseTypes
        self.scope = scope
        self.audience = audience
        self.redirectUris = redirectUris
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
        self.owner = owner
        self.metadata = metadata
        self.additionalProperties = additionalProperties
    }

    /// A string member of ``metadata`` (`identity_id`, `fingerprint`).
    public func metadataValue(_ name: String) -> String? {
        guard case .object(let members) = metadata else { return nil }
        return members[name]?.stringValue
    }

    public var description: String {
        "HydraOAuth2Client(clientId: \(clientId ?? "-"), clientName: \(clientName ?? "-"), clientSecret: "
            + (clientSecret == nil ? "nil" : "<redacted>") + ")"
    }

    public static func == (lhs: HydraOAuth2Client, rhs: HydraOAuth2Client) -> Bool {
        lhs.clientId == rhs.clientId && lhs.clientName == rhs.clientName
            && lhs.clientSecret?.value == rhs.clientSecret?.value && lhs.grantTypes == rhs.grantTypes
            && lhs.responseTypes == rhs.responseTypes && lhs.scope == rhs.scope && lhs.audience == rhs.audience
            && lhs.redirectUris == rhs.redirectUris && lhs.tokenEndpointAuthMethod == rhs.tokenEndpointAuthMethod
            && lhs.owner == rhs.owner && lhs.metadata == rhs.metadata && lhs.subjectType == rhs.subjectType
            && lhs.createdAt == rhs.createdAt && lhs.updatedAt == rhs.updatedAt
            && lhs.additionalProperties == rhs.additionalProperties
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case clientId = "client_id"
        case clientName = "client_name"
        case clientSecret = "client_secret"
        case grantTypes = "grant_types"
        case responseTypes = "response_types"
        case scope, audience, owner, metadata
        case redirectUris = "redirect_uris"
        case tokenEndpointAuthMethod = "token_endpoint_auth_method"
        case subjectType = "subject_type"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    private static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientId = try container.decodeIfPresent(String.self, forKey: .clientId)
        clientName = try container.decodeIfPresent(String.self, forKey: .clientName)
        clientSecret = try container.decodeIfPresent(String.self, forKey: .clientSecret).map { Secret($0) }
        grantTypes = try container.decodeIfPresent([String].self, forKey: .grantTypes)
        responseTypes = try container.decodeIfPresent([String].self, forKey: .responseTypes)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        audience = try container.decodeIfPresent([String].self, forKey: .audience)
        redirectUris = try container.decodeIfPresent([String].self, forKey: .redirectUris)
        tokenEndpointAuthMethod = try container.decodeIfPresent(String.self, forKey: .tokenEndpointAuthMethod)
        owner = try container.decodeIfPresent(String.self, forKey: .owner)
        metadata = try container.decodeIfPresent(JSONValue.self, forKey: .metadata)
        subjectType = try container.decodeIfPresent(String.self, forKey: .subjectType)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
        additionalProperties = try decoder.container(keyedBy: DynamicCodingKey.self)
            .extensionMembers(excluding: Self.memberNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(clientId, forKey: .clientId)
        try container.encodeIfPresent(clientName, forKey: .clientName)
        try container.encodeIfPresent(clientSecret?.value, forKey: .clientSecret)
        try container.encodeIfPresent(grantTypes, forKey: .grantTypes)
        try container.encodeIfPresent(responseTypes, forKey: .responseTypes)
        try container.encodeIfPresent(scope, forKey: .scope)
        try container.encodeIfPresent(audience, forKey: .audience)
        try container.encodeIfPresent(redirectUris, forKey: .redirectUris)
        try container.encodeIfPresent(tokenEndpointAuthMethod, forKey: .tokenEndpointAuthMethod)
        try container.encodeIfPresent(owner, forKey: .owner)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(subjectType, forKey: .subjectType)
        var extra = encoder.container(keyedBy: DynamicCodingKey.self)
        try extra.encodeExtensionMembers(additionalProperties, excluding: Self.memberNames)
    }
}

/// What Hydra knows about a token (`introspectedOAuth2Token`). An unknown or expired token is
/// `{"active": false}`, still a 200.
public struct HydraIntrospectedToken: Codable, Sendable, Hashable {
    public var active: Bool
    public var clientId: String?
    /// The subject: the client id, for client_credentials tokens.
    public var sub: String?
    /// Space-separated granted scopes.
    public var scope: String?
    /// Expiry, issued-at and not-before, in epoch seconds.
    public var exp: Int64?
    public var iat: Int64?
    public var nbf: Int64?
    public var iss: String?
    public var aud: [String]?
    public var tokenType: String?
    public var tokenUse: String?
    public var username: String?
    /// Session claims; for MoltNet, `moltnet:identity_id`, `moltnet:public_key`, `moltnet:fingerprint`.
    public var ext: JSONValue?

    /// The expiry as a date.
    public var expiresAt: Date? { exp.map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    private enum CodingKeys: String, CodingKey {
        case active, sub, scope, exp, iat, nbf, iss, aud, username, ext
        case clientId = "client_id"
        case tokenType = "token_type"
        case tokenUse = "token_use"
    }
}
