public import Foundation

/// Who a valid bearer token speaks for (spec §0.1): the agent's identity, key and fingerprint, the OAuth2
/// client it authenticated as, and the scopes granted (never enforced, as in the reference).
public struct AuthContext: Sendable, Equatable {
    public let identityID: UUID
    public let publicKey: String
    public let fingerprint: String
    public let clientID: String
    public let scopes: [String]

    public init(identityID: UUID, publicKey: String, fingerprint: String, clientID: String, scopes: [String]) {
        self.identityID = identityID
        self.publicKey = publicKey
        self.fingerprint = fingerprint
        self.clientID = clientID
        self.scopes = scopes
    }
}

/// Why a request could not be authenticated. `detail` is the wording of spec §0.1 (all are 401
/// `unauthorized`), except `.unavailable`, which the REST layer answers with 502 upstream-error.
public enum BearerAuthenticationError: Error, Equatable, Sendable {
    case missingHeader
    case invalidScheme
    case invalidToken
    case unavailable

    public var detail: String {
        switch self {
        case .missingHeader: "Missing authorization header"
        case .invalidScheme: "Invalid authorization scheme"
        case .invalidToken: "Invalid or expired token"
        case .unavailable: "The identity service is unavailable"
        }
    }
}

/// Turns an `Authorization` header into an `AuthContext` through the configured `OAuth2Provider`
/// (local EdDSA verification when embedded, cached introspection against Hydra).
public struct BearerAuthenticator: Sendable {
    public let oauth2: any OAuth2Provider

    public init(oauth2: any OAuth2Provider) {
        self.oauth2 = oauth2
    }

    /// Authenticates `Authorization: Bearer <token>` (the scheme is case-sensitive, as upstream).
    public func authenticate(authorization: String?) async throws(BearerAuthenticationError) -> AuthContext {
        guard let authorization, !authorization.isEmpty else { throw .missingHeader }
        guard authorization.hasPrefix("Bearer ") else { throw .invalidScheme }
        let token = authorization.dropFirst("Bearer ".count).trimmingPrefix { $0 == " " || $0 == "\t" }
        let end = token.lastIndex { $0 != " " && $0 != "\t" }.map { token.index(after: $0) } ?? token.startIndex
        return try await authenticate(token: String(token[..<end]))
    }

    /// Authenticates a bare access token.
    public func authenticate(token: String) async throws(BearerAuthenticationError) -> AuthContext {
        guard !token.isEmpty else { throw .invalidToken }
        let introspection: TokenIntrospection
        do {
            introspection = try await oauth2.introspect(token)
        } catch {
            throw error.code == .unavailable ? .unavailable : .invalidToken
        }
        guard introspection.active, let identityID = introspection.identityID,
            let publicKey = introspection.publicKey, let fingerprint = introspection.fingerprint,
            let clientID = introspection.clientID
        else { throw .invalidToken }
        return AuthContext(
            identityID: identityID, publicKey: publicKey, fingerprint: fingerprint, clientID: clientID,
            scopes: (introspection.scope ?? "").split(separator: " ").map(String.init))
    }
}
