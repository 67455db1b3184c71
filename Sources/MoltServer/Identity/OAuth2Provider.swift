public import Foundation

/// OAuth2 clients and access tokens, as Ory Hydra models them: one client_credentials client per agent,
/// 1-hour access tokens carrying the agent's identity, introspection, and secret rotation.
///
/// Two implementations: the embedded one (Postgres tables, argon2id secret hashes, EdDSA JWTs) and one
/// speaking Hydra's admin and public APIs (tokens validated by introspection with a short cache).
public protocol OAuth2Provider: Sendable {
    /// Creates a client; the returned value carries the generated (or given) secret, the only time it is shown.
    func createClient(_ request: NewOAuth2Client) async throws(IdentityError) -> OAuth2Client
    /// The client without its secret, or nil.
    func client(_ id: String) async throws(IdentityError) -> OAuth2Client?
    /// One page of clients, oldest first.
    func clients(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<OAuth2Client>
    /// The clients whose metadata names this identity (`metadata.identity_id`), oldest first.
    func clients(forIdentity identityID: UUID) async throws(IdentityError) -> [OAuth2Client]
    /// Replaces the client's name, scope and metadata; with `newSecret`, the old secret stops working at once.
    func updateClient(_ id: String, _ update: OAuth2ClientUpdate) async throws(IdentityError) -> OAuth2Client
    /// Deletes a client; `.notFound` when there is none.
    func deleteClient(_ id: String) async throws(IdentityError)
    /// The client_credentials grant: checks the secret and issues an access token.
    func issueToken(clientID: String, clientSecret: String, scope: String?) async throws(IdentityError) -> AccessToken
    /// What a token means, or `active == false` for an unknown, expired or tampered one.
    func introspect(_ token: String) async throws(IdentityError) -> TokenIntrospection
    /// The public keys verifying access tokens (`/.well-known/jwks.json`).
    func jsonWebKeys() async throws(IdentityError) -> [JSONWebKey]
}

/// A client to create (Hydra's `oAuth2Client` subset MoltNet uses).
public struct NewOAuth2Client: Sendable, Equatable {
    public var id: String?
    public var secret: String?
    public var name: String
    public var scope: String
    public var metadata: OAuth2ClientMetadata?
    public var grantTypes: [String]
    public var tokenEndpointAuthMethod: String

    public init(
        id: String? = nil, secret: String? = nil, name: String, scope: String = "",
        metadata: OAuth2ClientMetadata? = nil, grantTypes: [String] = ["client_credentials"],
        tokenEndpointAuthMethod: String = "client_secret_post"
    ) {
        self.id = id
        self.secret = secret
        self.name = name
        self.scope = scope
        self.metadata = metadata
        self.grantTypes = grantTypes
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
    }
}

/// Changes to a client; nil fields stay as they are.
public struct OAuth2ClientUpdate: Sendable, Equatable {
    public var name: String?
    public var scope: String?
    public var metadata: OAuth2ClientMetadata?
    /// A new secret (the old one stops working at once).
    public var newSecret: String?

    public init(
        name: String? = nil, scope: String? = nil, metadata: OAuth2ClientMetadata? = nil, newSecret: String? = nil
    ) {
        self.name = name
        self.scope = scope
        self.metadata = metadata
        self.newSecret = newSecret
    }
}

/// The metadata MoltNet stores on an agent's client (spec §4.2 step 6).
public struct OAuth2ClientMetadata: Sendable, Equatable, Codable {
    public var type: String
    public var identityID: UUID
    public var publicKey: String
    public var fingerprint: String

    enum CodingKeys: String, CodingKey {
        case type
        case identityID = "identity_id"
        case publicKey = "public_key"
        case fingerprint
    }

    public init(type: String = "moltnet_agent", identityID: UUID, publicKey: String, fingerprint: String) {
        self.type = type
        self.identityID = identityID
        self.publicKey = publicKey
        self.fingerprint = fingerprint
    }
}

/// An OAuth2 client. `secret` is set only in the result of create, and of an update that set a new secret.
public struct OAuth2Client: Sendable, Equatable {
    public let id: String
    public var secret: String?
    public var name: String
    public var scope: String
    public var metadata: OAuth2ClientMetadata?
    public var grantTypes: [String]
    public var tokenEndpointAuthMethod: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, secret: String?, name: String, scope: String, metadata: OAuth2ClientMetadata?,
        grantTypes: [String], tokenEndpointAuthMethod: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.secret = secret
        self.name = name
        self.scope = scope
        self.metadata = metadata
        self.grantTypes = grantTypes
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// An issued access token (`{access_token, token_type:"bearer", expires_in, scope}`).
public struct AccessToken: Sendable, Equatable {
    public let token: String
    public let expiresIn: Int
    public let scope: String

    public init(token: String, expiresIn: Int, scope: String) {
        self.token = token
        self.expiresIn = expiresIn
        self.scope = scope
    }
}

/// The result of introspecting a token. For an active agent token, the identity fields are filled from the
/// token's `moltnet:*` claims or, failing that, from its client's metadata.
public struct TokenIntrospection: Sendable, Equatable {
    public var active: Bool
    public var clientID: String?
    public var scope: String?
    public var expiresAt: Date?
    public var issuedAt: Date?
    public var identityID: UUID?
    public var publicKey: String?
    public var fingerprint: String?

    public init(
        active: Bool, clientID: String? = nil, scope: String? = nil, expiresAt: Date? = nil, issuedAt: Date? = nil,
        identityID: UUID? = nil, publicKey: String? = nil, fingerprint: String? = nil
    ) {
        self.active = active
        self.clientID = clientID
        self.scope = scope
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.identityID = identityID
        self.publicKey = publicKey
        self.fingerprint = fingerprint
    }

    /// An inactive token.
    public static let inactive = TokenIntrospection(active: false)
}

/// One public key in JWK form (Ed25519: `kty: OKP`, `crv: Ed25519`, `x` base64url).
public struct JSONWebKey: Sendable, Equatable, Codable {
    public let kty: String
    public let crv: String
    public let x: String
    public let kid: String
    public let alg: String
    public let use: String

    public init(
        kty: String = "OKP", crv: String = "Ed25519", x: String, kid: String, alg: String = "EdDSA", use: String = "sig"
    ) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.kid = kid
        self.alg = alg
        self.use = use
    }
}
