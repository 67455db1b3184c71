/// One layer around request handling: it may change the request or context, answer on its own, or call
/// `next` and change the response. Errors thrown inside are rendered by `ProblemRenderingMiddleware`.
public protocol HTTPMiddleware: Sendable {
    func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse
}

/// The rest of the chain, as a middleware sees it.
public typealias Responder = @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse

extension Array where Element == any HTTPMiddleware {
    /// The chain with `terminal` innermost: the first middleware is the outermost layer.
    func responder(ending terminal: @escaping Responder) -> Responder {
        reversed().reduce(terminal) { next, middleware in
            { request, context in try await middleware.handle(request, context: context, next: next) }
        }
    }
}
