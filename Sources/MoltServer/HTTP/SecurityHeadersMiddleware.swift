/// The headers every response carries (spec §0.4, helmet's defaults): a strict CSP, HSTS, nosniff, frame
/// denial, referrer policy and same-origin isolation.
public struct SecurityHeadersMiddleware: HTTPMiddleware {
    static let headers: [(String, String)] = [
        (
            "Content-Security-Policy",
            "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';"
                + "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';"
                + "script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests"
        ),
        ("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
        ("X-DNS-Prefetch-Control", "off"),
        ("X-Permitted-Cross-Domain-Policies", "none"),
    ]

    public init() {}

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        var response = try await next(request, context)
        for (name, value) in Self.headers where response.headers[name] == nil {
            response.headers[name] = value
        }
        return response
    }
}
