import Foundation
import MoltCore

/// The client_credentials grant, verification and introspection of the embedded issuer.
extension EmbeddedOAuth2Provider {
    /// A token whose signature and claims verified, with what it means.
    struct VerifiedToken: Sendable {
        let claims: JSONValue
        let introspection: TokenIntrospection
    }

    public func issueToken(clientID: String, clientSecret: String, scope: String?) async throws(IdentityError)
        -> AccessToken
    {
        let invalidClient = IdentityError(
            .unauthorized,
            "Client authentication failed (e.g., unknown client, no client authentication included, "
                + "or unsupported authentication method).")
        guard let record = try await record(clientID) else {
            _ = await hasher.verifyUnknown(clientSecret)
            throw invalidClient
        }
        guard let hash = try await secretHash(clientID), await hasher.verify(clientSecret, against: hash) else {
            throw invalidClient
        }
        guard record.fields.grantTypes.contains("client_credentials") else {
            throw IdentityError(.unauthorized, "The client is not allowed to use the client_credentials grant.")
        }
        let identity = try await activeIdentity(of: record, claimed: nil)
        guard identity.allowed else { throw IdentityError(.unauthorized, "The client's identity is not active.") }
        let granted = try Self.grantedScopes(requested: scope, allowed: record.fields.scopes)
        let key = try await signingKeys.activeKey()
        let now = Int64(store.clock().timeIntervalSince1970.rounded(.down))
        var claims: [String: JSONValue] = [
            "iss": .string(issuer), "sub": .string(clientID), "client_id": .string(clientID), "aud": .array([]),
            "exp": .integer(now + Self.tokenLifetime), "iat": .integer(now), "nbf": .integer(now),
            "jti": .string(UUID().uuidString.lowercased()), "scp": .strings(granted),
        ]
        var ext: [String: JSONValue] = [:]
        if let metadata = record.fields.agentMetadata {
            ext["moltnet:identity_id"] = .string(metadata.identityID.uuidString.lowercased())
            ext["moltnet:public_key"] = .string(metadata.publicKey)
            ext["moltnet:fingerprint"] = .string(metadata.fingerprint)
            claims.merge(ext) { current, _ in current }
        }
        claims["ext"] = .object(ext)
        let token = JSONWebToken.sign(claims: .object(claims), kid: key.kid, key: key.privateKey)
        return AccessToken(token: token, expiresIn: Int(Self.tokenLifetime) - 1, scope: granted.joined(separator: " "))
    }

    /// Answers from the token verification cache when it can; otherwise verifies and caches an active result.
    public func introspect(_ token: String) async throws(IdentityError) -> TokenIntrospection {
        let now = store.clock()
        if let cached = store.tokenCache.lookup(token, now: now) { return cached }
        let generation = store.tokenCache.generation
        guard let verified = try await verify(token) else { return .inactive }
        store.tokenCache.store(token, verified.introspection, now: now, generation: generation)
        return verified.introspection
    }

    /// Verifies a token completely; nil when it is not (or no longer) valid.
    func verify(_ token: String) async throws(IdentityError) -> VerifiedToken? {
        guard let parsed = JSONWebToken.parse(token), let key = try await signingKeys.publicKey(kid: parsed.kid),
            let claims = JSONWebToken.verifiedClaims(parsed, key: key)
        else { return nil }
        let now = Int64(store.clock().timeIntervalSince1970.rounded(.down))
        guard claims["iss"]?.stringValue == issuer, let expiry = claims["exp"]?.integerValue, expiry > now,
            let notBefore = claims["nbf"]?.integerValue, notBefore <= now,
            let issuedAt = claims["iat"]?.integerValue, let clientID = claims["client_id"]?.stringValue,
            let record = try await record(clientID)
        else { return nil }
        let claimedIdentity = claims["moltnet:identity_id"]?.stringValue.flatMap(UUID.init(uuidString:))
        let identity = try await activeIdentity(of: record, claimed: claimedIdentity)
        guard identity.allowed else { return nil }
        let metadata = record.fields.agentMetadata
        let introspection = TokenIntrospection(
            active: true, clientID: clientID, scope: claims["scp"]?.stringArray?.joined(separator: " ") ?? "",
            expiresAt: Date(timeIntervalSince1970: Double(expiry)),
            issuedAt: Date(timeIntervalSince1970: Double(issuedAt)),
            identityID: claimedIdentity ?? metadata?.identityID,
            publicKey: claims["moltnet:public_key"]?.stringValue ?? metadata?.publicKey,
            fingerprint: claims["moltnet:fingerprint"]?.stringValue ?? metadata?.fingerprint)
        return VerifiedToken(claims: claims, introspection: introspection)
    }

    /// Whether the identity behind a client (the claimed one, else its metadata's) may act; clients without
    /// an identity are allowed.
    private func activeIdentity(of record: OAuth2ClientRecord, claimed: UUID?) async throws(IdentityError)
        -> (allowed: Bool, id: UUID?)
    {
        guard let id = claimed ?? record.fields.identityID else { return (true, nil) }
        let identity = try await identities.identity(id)
        return (identity?.state == .active, id)
    }

    private func secretHash(_ clientID: String) async throws(IdentityError) -> String? {
        try await store.perform("client secret") {
            try await store.database.query("SELECT secret_hash FROM oauth2_clients WHERE id = \(clientID)")
                .first?.decode("secret_hash", as: String.self)
        }
    }

    /// The scopes a request gets: all of the client's when none are asked for, else the ones asked for,
    /// each of which the client must hold (`.invalid` otherwise, Hydra's `invalid_scope`).
    static func grantedScopes(requested: String?, allowed: [String]) throws(IdentityError) -> [String] {
        let asked = (requested ?? "").split(separator: " ").map(String.init)
        guard !asked.isEmpty else { return allowed }
        var granted: [String] = []
        for scope in asked where !granted.contains(scope) {
            guard allowed.contains(scope) else {
                throw IdentityError(
                    .invalid,
                    "The requested scope is invalid, unknown, or malformed. The OAuth 2.0 Client is not allowed "
                        + "to request scope '\(scope)'.")
            }
            granted.append(scope)
        }
        return granted
    }
}
