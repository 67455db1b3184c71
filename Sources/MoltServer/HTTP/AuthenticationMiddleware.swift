import MoltCore

/// Resolves `Authorization: Bearer <token>` into the request's caller (spec §0.1).
///
/// It runs before rate limiting so limits key on the identity. On routes requiring authentication a missing
/// header, another scheme, or a token that is unknown, expired, inactive or lacks the agent claims is a 401
/// with the reference's detail, and an unreachable identity service a 502; on public routes a bad or missing
/// token is simply ignored.
public struct AuthenticationMiddleware: HTTPMiddleware {
    let authenticator: BearerAuthenticator

    public init(authenticator: BearerAuthenticator) {
        self.authenticator = authenticator
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        var context = context
        let header = request.headers["Authorization"]
        guard header != nil || context.options.requiresAuthentication else { return try await next(request, context) }
        do {
            let caller = try await authenticator.authenticate(authorization: header)
            context.caller = caller
            context.logger = context.logger.with(["agent.fingerprint": caller.fingerprint])
        } catch {
            if context.options.requiresAuthentication {
                if error == .unavailable { throw ProblemDetails(.upstreamError, detail: error.detail) }
                throw ProblemDetails(.unauthorized, detail: error.detail)
            }
        }
        return try await next(request, context)
    }
}
