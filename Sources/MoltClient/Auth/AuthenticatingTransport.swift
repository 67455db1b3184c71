/// A transport that sends every request with `Authorization: Bearer <token>` from a ``TokenManager``, and
/// on a 401 refreshes the token once and sends the request once more.
///
/// The second attempt carries the same `X-Request-ID`. A 401 on the second attempt is returned as it is.
public struct AuthenticatingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let tokens: TokenManager

    public init(base: any HTTPTransport, tokens: TokenManager) {
        self.base = base
        self.tokens = tokens
    }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        var request = request.identified()
        let token = try await tokens.token()
        request.headers["Authorization"] = token.authorization
        let response = try await base.send(request)
        guard response.status == 401 else { return response }
        let fresh = try await tokens.refreshedToken(replacing: token)
        request.headers["Authorization"] = fresh.authorization
        return try await base.send(request)
    }
}
