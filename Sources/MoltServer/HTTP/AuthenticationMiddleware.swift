import MoltCore

/// Resolves `Authorization: Bearer <token>` into the request's `Caller` (spec §0.1).
///
/// It runs before rate limiting so limits key on the identity. On routes requiring authentication a missing
/// header, another scheme, or a token that is unknown, expired, inactive or lacks the agent claims is a 401
/// with the reference's detail; on public routes a bad token is simply ignored.
public struct AuthenticationMiddleware: HTTPMiddleware {
    let authenticator: any Authenticator

    public init(authenticator: any Authenticator) {
        self.authenticator = authenticator
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        var context = context
        let required = context.options.requiresAuthentication
        guard let header = request.headers["Authorization"] else {
            if required { throw ProblemDetails(.unauthorized, detail: "Missing authorization header") }
            return try await next(request, context)
        }
        guard header.hasPrefix("Bearer "), header.count > 7 else {
            if required { throw ProblemDetails(.unauthorized, detail: "Invalid authorization scheme") }
            return try await next(request, context)
        }
        let token = String(header.dropFirst(7))
        if let caller = try await authenticator.caller(forBearer: token) {
            context.caller = caller
            context.logger = context.logger.with(["agent.fingerprint": caller.fingerprint])
        } else if required {
            throw ProblemDetails(.unauthorized, detail: "Invalid or expired token")
        }
        return try await next(request, context)
    }
}

/// Turns a bearer token into the agent behind it, or nil when the token is not valid.
public protocol Authenticator: Sendable {
    func caller(forBearer token: String) async throws -> Caller?
}

/// Authenticates through an `OAuth2Provider`'s introspection: an active token whose claims name an agent.
public struct IntrospectingAuthenticator: Authenticator {
    let provider: any OAuth2Provider

    public init(provider: any OAuth2Provider) {
        self.provider = provider
    }

    public func caller(forBearer token: String) async throws -> Caller? {
        let introspection = try await provider.introspect(token)
        guard introspection.active, let identityID = introspection.identityID,
            let publicKey = introspection.publicKey, let fingerprint = introspection.fingerprint
        else { return nil }
        let scopes = (introspection.scope ?? "").split(separator: " ").map(String.init)
        return Caller(
            identityID: identityID, publicKey: publicKey, fingerprint: fingerprint,
            clientID: introspection.clientID ?? "", scopes: scopes)
    }
}
