import Foundation
import MoltCore

/// What every request goes through: a request id, routing, the middleware chain around the handler, and one
/// structured access-log line. Unknown routes answer like the reference (404 not-found), with `Allow` listing
/// the methods a path does have.
struct RequestPipeline: Sendable {
    let router: Router
    let logger: Logger
    let responder: Responder

    init(router: Router, middleware: [any HTTPMiddleware], logger: Logger) {
        self.router = router
        self.logger = logger
        self.responder = middleware.responder { request, context in
            guard let handler = context.handler else {
                throw RouteNotFound(request: request, allowed: context.allowedMethods)
            }
            return try await handler(request, context)
        }
    }

    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let requestID = Self.requestID(from: request)
        var context = RequestContext(requestID: requestID, logger: logger.with(["request.id": requestID]))
        switch router.resolve(request.methodName, path: request.path) {
        case .found(let route, let template, let parameters):
            context.route = template
            context.options = route.options
            context.parameters = parameters
            context.handler = route.handler
        case .methodNotAllowed(let allowed):
            context.allowedMethods = allowed
        case .notFound:
            break
        }
        var response: HTTPResponse
        do {
            response = try await responder(request, context)
        } catch {
            response = ProblemRenderingMiddleware.response(for: error, request: request, context: context)
        }
        response.headers["X-Request-ID"] = requestID
        if request.methodName == "HEAD" { response.body = .bytes([]) }
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "Request handled.",
            [
                "http.method": request.methodName, "http.route": context.route, "http.status": "\(response.status)",
                "http.duration_ms": Self.milliseconds(elapsed), "client.address": request.remoteAddress,
            ])
        return response
    }

    /// A duration as milliseconds with two decimals (`12.34`), without `String(format:)`, which costs more
    /// than the rest of the access log line.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = max(0, seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000)
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }

    static func reject(_ request: HTTPRequest, _ rejection: HTTPListenerRejection) -> HTTPResponse {
        switch rejection {
        case .bodyTooLarge(let limit):
            var problem = ProblemDetails(
                .validationFailed, status: 413, detail: "Request body is larger than the limit of \(limit) bytes")
            problem.instance = request.target
            return ProblemRenderingMiddleware.render(problem)
        }
    }

    /// A request id: the client's `X-Request-ID` when it is short and printable, else a new UUID.
    static func requestID(from request: HTTPRequest) -> String {
        if let given = request.headers["X-Request-ID"], (1...128).contains(given.count),
            given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}

/// No route for the method and path; rendered as not-found with `Allow` when the path has other methods.
struct RouteNotFound: ProblemConvertible {
    let request: HTTPRequest
    let allowed: [HTTPMethod]

    var headers: HTTPHeaders {
        allowed.isEmpty ? [:] : ["Allow": allowed.map(\.rawValue).joined(separator: ", ")]
    }

    var problem: ProblemDetails {
        let detail = "Route \(request.methodName):\(request.path) not found"
        return ProblemDetails(
            .notFound,
            detail: allowed.isEmpty ? detail : detail + " (allowed: \(allowed.map(\.rawValue).joined(separator: ", ")))"
        )
    }
}
