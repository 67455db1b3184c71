public import Foundation

/// Checks whether a MoltNet server answers `GET /health`: an injected async closure, so tests pass a fixed
/// answer and the product can swap the transport (MoltClient) without touching the screens.
public struct HealthCheck: Sendable {
    /// Runs one check against a server's base URL; never throws, failures are outcomes.
    public var run: @Sendable (_ serverURL: String) async -> HealthCheckResult

    public init(run: @escaping @Sendable (_ serverURL: String) async -> HealthCheckResult) {
        self.run = run
    }
}

/// One check's answer: when it started, how long it took, what happened.
public struct HealthCheckResult: Hashable, Sendable {
    public var startedAt: Date
    /// Wall time of the request, in milliseconds.
    public var milliseconds: Double
    public var outcome: HealthCheckOutcome

    public init(startedAt: Date, milliseconds: Double, outcome: HealthCheckOutcome) {
        self.startedAt = startedAt
        self.milliseconds = milliseconds
        self.outcome = outcome
    }
}

/// What a health check found.
public enum HealthCheckOutcome: Hashable, Sendable {
    /// A 2xx answer with `status: ok`.
    case healthy(HealthResponse)
    /// The server answered, but not healthily: a non-2xx status (with the problem's title and detail, RFC 9457)
    /// or a status other than `ok`.
    case unhealthy(HealthResponse, title: String, detail: String?)
    /// No answer: connection refused, timeout, DNS failure, TLS failure.
    case unreachable(reason: String)

    /// Whether the server answered at all.
    public var serverAnswered: Bool {
        if case .unreachable = self { return false }
        return true
    }

    /// One word for tables: `healthy`, `unhealthy`, `unreachable`.
    public var label: String {
        switch self {
        case .healthy: "healthy"
        case .unhealthy: "unhealthy"
        case .unreachable: "unreachable"
        }
    }

    /// The HTTP response, when there was one.
    public var response: HealthResponse? {
        switch self {
        case .healthy(let response), .unhealthy(let response, _, _): response
        case .unreachable: nil
        }
    }
}

/// The parts of a `GET /health` response the console shows.
public struct HealthResponse: Hashable, Sendable {
    public var httpStatus: Int
    /// The body's `status` field (`ok`), when the body is the Health schema.
    public var status: String?
    /// The body's `timestamp` field (the server's clock), when present.
    public var timestamp: String?
    /// The body as text (at most 64 KiB).
    public var body: String

    public init(httpStatus: Int, status: String?, timestamp: String?, body: String) {
        self.httpStatus = httpStatus
        self.status = status
        self.timestamp = timestamp
        self.body = body
    }

    /// Classifies a response: healthy only for 2xx with `status == "ok"`; otherwise the problem's title and
    /// detail when the body is a problem document, or a generic title.
    public static func outcome(httpStatus: Int, body: Data) -> HealthCheckOutcome {
        let text = String(decoding: body.prefix(65_536), as: UTF8.self)
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let response = HealthResponse(
            httpStatus: httpStatus, status: object?["status"] as? String, timestamp: object?["timestamp"] as? String,
            body: text)
        if (200..<300).contains(httpStatus) {
            if response.status == "ok" { return .healthy(response) }
            let status = response.status.map { "status is “\($0)”" } ?? "the answer is not a health document"
            return .unhealthy(response, title: "Server is not healthy", detail: status)
        }
        let title = object?["title"] as? String ?? "HTTP \(httpStatus)"
        let detail = object?["detail"] as? String
        return .unhealthy(response, title: title, detail: detail)
    }
}
