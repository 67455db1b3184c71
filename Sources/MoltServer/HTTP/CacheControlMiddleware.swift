/// Caching headers (spec §0.4): recovery responses are never stored anywhere; authenticated responses are
/// not stored; public routes get `public, max-age=N` unless the handler set its own.
///
/// It sits outside authentication and rate limiting and renders errors itself, so 401s, 429s and every
/// other problem answered on an authenticated route carry `no-store` too.
public struct CacheControlMiddleware: HTTPMiddleware {
    public init() {}

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try await next(request, context)
        } catch {
            response = ProblemRenderingMiddleware.response(for: error, request: request, context: context)
        }
        guard response.headers["Cache-Control"] == nil else { return response }
        let authenticated = context.options.requiresAuthentication || request.headers["Authorization"] != nil
        switch context.options.caching {
        case .sensitive:
            response.headers["Cache-Control"] = "no-store, no-cache, must-revalidate, private"
            response.headers["Pragma"] = "no-cache"
            response.headers["Expires"] = "0"
        case .publicFor(let seconds) where response.status < 400:
            response.headers["Cache-Control"] = "public, max-age=\(seconds)"
        case .standard where authenticated:
            response.headers["Cache-Control"] = "no-store, no-cache, must-revalidate"
            response.headers["Pragma"] = "no-cache"
        default:
            break
        }
        return response
    }
}
