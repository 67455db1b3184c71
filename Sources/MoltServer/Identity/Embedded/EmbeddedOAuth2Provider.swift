public import Foundation
public import MoltCore
public import MoltPostgres

/// Hydra's OAuth2 clients and client_credentials tokens on MoltNet's own database: the default
/// `OAuth2Provider`.
///
/// Secrets are 32 random bytes in base64url unless one is given, and are stored only as argon2id hashes.
/// Access tokens are EdDSA JWTs valid for one hour (see `docs/identity.md` for the claims). A token verifies
/// while its signature, `exp`, `nbf` and issuer hold, its client still exists and its identity is active.
public final class EmbeddedOAuth2Provider: OAuth2Provider {
    /// The scope given to clients created with an empty one (Hydra's `default_scope` in MoltNet's config).
    public static let defaultScope = "diary:read diary:write crypto:sign agent:profile"
    /// Seconds an access token lives.
    public static let tokenLifetime: Int64 = 3600

    let store: EmbeddedStore
    let hasher: SecretHasher
    let signingKeys: SigningKeyStore
    let identities: any IdentityProvider
    /// The `iss` of issued tokens (the public base URL with a trailing slash, as Hydra writes it).
    public let issuer: String

    /// - Parameters:
    ///   - identities: consulted so tokens of inactive or deleted identities stop working.
    ///   - issuer: the `iss` claim, e.g. `http://127.0.0.1:8000/`.
    public convenience init(
        database: PostgresPool, identities: any IdentityProvider, issuer: String,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = .disabled
    ) {
        let store = EmbeddedStore(database: database, clock: clock, logger: logger)
        self.init(store: store, hasher: SecretHasher(), identities: identities, issuer: issuer)
    }

    init(store: EmbeddedStore, hasher: SecretHasher, identities: any IdentityProvider, issuer: String) {
        self.store = store
        self.hasher = hasher
        self.signingKeys = SigningKeyStore(store: store)
        self.identities = identities
        self.issuer = issuer
    }

    public func createClient(_ request: NewOAuth2Client) async throws(IdentityError) -> OAuth2Client {
        let fields = OAuth2ClientFields(
            name: request.name, scope: request.scope, grantTypes: request.grantTypes,
            tokenEndpointAuthMethod: request.tokenEndpointAuthMethod, metadata: request.metadata?.json, extra: [:])
        let (record, secret) = try await create(id: request.id, secret: request.secret, fields)
        return record.client(secret: secret)
    }

    public func client(_ id: String) async throws(IdentityError) -> OAuth2Client? {
        try await record(id)?.client()
    }

    public func clients(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<OAuth2Client> {
        let page = try await records(pageSize: pageSize, pageToken: pageToken)
        return Page(items: page.items.map { $0.client() }, nextPageToken: page.nextPageToken)
    }

    public func clients(forIdentity identityID: UUID) async throws(IdentityError) -> [OAuth2Client] {
        try await store.perform("clients of identity") {
            try await store.database.query(
                "SELECT \(OAuth2ClientRecord.columns) FROM oauth2_clients WHERE identity_id = \(identityID) ORDER BY seq"
            ).rows.map { try OAuth2ClientRecord(row: $0).client() }
        }
    }

    public func updateClient(_ id: String, _ update: OAuth2ClientUpdate) async throws(IdentityError) -> OAuth2Client {
        let (record, secret) = try await replace(id, newSecret: update.newSecret) { current in
            var fields = current.fields
            if let name = update.name { fields.name = name }
            if let scope = update.scope { fields.scope = scope }
            if let metadata = update.metadata { fields.metadata = metadata.json }
            return fields
        }
        return record.client(secret: secret)
    }

    public func deleteClient(_ id: String) async throws(IdentityError) {
        defer { store.tokenCache.invalidate(clientID: id) }
        let deleted = try await store.perform("delete client") {
            try await store.database.query("DELETE FROM oauth2_clients WHERE id = \(id)").affectedRows
        }
        guard deleted > 0 else { throw IdentityError(.notFound, "Unable to locate the resource") }
    }

    public func jsonWebKeys() async throws(IdentityError) -> [JSONWebKey] {
        try await signingKeys.publishedKeys()
    }

    /// Retires the active signing key and starts signing with a new one; both stay published.
    public func rotateSigningKey() async throws(IdentityError) {
        _ = try await signingKeys.rotate()
    }
}
