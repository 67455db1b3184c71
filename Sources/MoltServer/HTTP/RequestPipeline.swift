import Foundation
import MoltCore

/// What every request goes through: a request id, routing, error rendering and one access-log line.
struct RequestPipeline: Sendable {
    let router: Router
    let logger: Logger

    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let requestID = Self.requestID(from: request)
        var context = RequestContext(requestID: requestID, logger: logger.with(["request.id": requestID]))
        var response: HTTPResponse
        switch router.resolve(request.method, path: request.path) {
        case .found(let handler, let template, let parameters):
            context.route = template
            context.parameters = parameters
            do {
                response = try await handler(request, context)
            } catch {
                context.logger.error("Request failed.", ["error": String(describing: error)])
                response = Self.problem(status: 500, title: "Internal Server Error", request: request)
            }
        case .methodNotAllowed(let allowed):
            response = Self.problem(status: 405, title: "Method Not Allowed", request: request)
            response.headers["Allow"] = allowed.map(\.rawValue).joined(separator: ", ")
        case .notFound:
            response = Self.problem(status: 404, title: "Not Found", request: request)
        }
        response.headers["X-Request-ID"] = requestID
        if request.method == .head { response.body = .bytes([]) }
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "Request handled.",
            [
                "http.method": request.method.rawValue, "http.route": context.route,
                "http.status": "\(response.status)",
                "http.duration_ms": String(
                    format: "%.2f",
                    Double(elapsed.components.attoseconds) / 1e15
                        + Double(elapsed.components.seconds) * 1000),
                "client.address": request.remoteAddress,
            ])
        return response
    }

    static func reject(_ request: HTTPRequest, _ rejection: HTTPListenerRejection) -> HTTPResponse {
        switch rejection {
        case .bodyTooLarge(let limit):
            problem(
                status: 413, title: "Payload Too Large", detail: "request bodies are limited to \(limit) bytes",
                request: request)
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

    static func problem(status: Int, title: String, detail: String? = nil, request: HTTPRequest) -> HTTPResponse {
        var body: [String: Any] = ["status": status, "title": title, "instance": request.target]
        if let detail { body["detail"] = detail }
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return HTTPResponse(status: status, contentType: "application/problem+json", bytes: Array(data))
    }
}
