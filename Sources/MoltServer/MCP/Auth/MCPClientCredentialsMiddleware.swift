import MoltCore

/// On `/mcp`, turns `X-Client-Id` + `X-Client-Secret` into `Authorization: Bearer <token>` before the
/// authentication middleware runs (the reference's proxy), so the caller is known to rate limiting too; the
/// X-Client headers are removed. Bad credentials answer 401 `{error:"UNAUTHORIZED", message}`, a locked-out
/// client id 429 with `Retry-After`, an OAuth2 service failure 502.
struct MCPClientCredentialsMiddleware: HTTPMiddleware {
    let exchange: ClientCredentialsExchange

    func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        let clientID = request.headers["X-Client-Id"]
        let secret = request.headers["X-Client-Secret"]
        guard context.route == MCPEndpoint.path, clientID != nil || secret != nil else {
            return try await next(request, context)
        }
        guard let clientID, let secret, !clientID.isEmpty, !secret.isEmpty else {
            return MCPHTTPReply.authenticationFailure(
                401, code: "UNAUTHORIZED", message: "Send X-Client-Id and X-Client-Secret together")
        }
        var request = request
        request.headers.remove("X-Client-Id")
        request.headers.remove("X-Client-Secret")
        switch await exchange.token(clientID: clientID, secret: secret) {
        case .token(let token):
            request.headers["Authorization"] = "Bearer \(token)"
            return try await next(request, context)
        case .rejected(let message):
            context.logger.notice("MCP client credentials rejected.", ["oauth2.client_id": clientID])
            return MCPHTTPReply.authenticationFailure(401, code: "UNAUTHORIZED", message: message)
        case .lockedOut(let seconds):
            return MCPHTTPReply.authenticationFailure(
                429, code: "TOO_MANY_REQUESTS",
                message: "Too many failed authentication attempts for this client; retry after \(seconds) seconds",
                headers: ["Retry-After": "\(seconds)"])
        case .unavailable:
            return MCPHTTPReply.authenticationFailure(
                502, code: "UPSTREAM_ERROR", message: "The OAuth2 service is unavailable")
        }
    }
}
