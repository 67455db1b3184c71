/// Cross-origin rules (spec §0.4): an allowlist of origins, credentials allowed, preflights answered here.
/// Requests without an `Origin` pass untouched; a disallowed origin gets no CORS headers (the browser blocks it).
public struct CORSMiddleware: HTTPMiddleware {
    /// The reference's default allowlist.
    public static let defaultOrigins = [
        "https://themolt.net", "https://api.themolt.net", "http://localhost:3000", "http://localhost:8000",
    ]

    let allowedOrigins: Set<String>

    public init(allowedOrigins: [String] = CORSMiddleware.defaultOrigins) {
        self.allowedOrigins = Set(allowedOrigins)
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        guard let origin = request.headers["Origin"] else { return try await next(request, context) }
        let allowed = allowedOrigins.contains(origin) || allowedOrigins.contains("*")
        if request.methodName == "OPTIONS", request.headers["Access-Control-Request-Method"] != nil {
            var response = HTTPResponse.empty(status: 204)
            response.headers["Vary"] = "Origin"
            if allowed {
                response.headers["Access-Control-Allow-Origin"] = origin
                response.headers["Access-Control-Allow-Credentials"] = "true"
                response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
                response.headers["Access-Control-Allow-Headers"] =
                    "Content-Type, Authorization, X-Request-ID, X-Correlation-ID, Last-Event-ID, "
                    + "Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, Mcp-Name, X-Client-Id, X-Client-Secret"
                response.headers["Access-Control-Max-Age"] = "3600"
            }
            return response
        }
        var response = try await next(request, context)
        response.headers.add("Vary", "Origin")
        if allowed {
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Credentials"] = "true"
            response.headers["Access-Control-Expose-Headers"] =
                "X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, Mcp-Session-Id"
        }
        return response
    }
}
