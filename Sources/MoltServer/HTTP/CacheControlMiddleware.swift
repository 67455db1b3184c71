/// Caching headers (spec §0.4): recovery responses are never stored anywhere; authenticated responses are
/// not stored; public routes get `public, max-age=N` unless the handler set its own.
public struct CacheControlMiddleware: HTTPMiddleware {
    public init() {}

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        var response = try await next(request, context)
        guard response.headers["Cache-Control"] == nil else { return response }
        switch context.options.caching {
        case .sensitive:
            response.headers["Cache-Control"] = "no-store, no-cache, must-revalidate, private"
            response.headers["Pragma"] = "no-cache"
            response.headers["Expires"] = "0"
        case .publicFor(let seconds) where response.status < 400:
            response.headers["Cache-Control"] = "public, max-age=\(seconds)"
        case .standard where context.options.requiresAuthentication || context.caller != nil:
            response.headers["Cache-Control"] = "no-store, no-cache, must-revalidate"
            response.headers["Pragma"] = "no-cache"
        default:
            break
        }
        return response
    }
}
