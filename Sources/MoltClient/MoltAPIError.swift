public import MoltCore

/// A MoltNet API error response: the HTTP status, the decoded RFC 9457 problem (spec §0.2, MoltCore's
/// ``ProblemDetails``) and the request it answered.
///
/// `description` is what a console flashes and a CLI prints after `error: `: `Title: detail`, or the title
/// alone. Bodies that are not problem details still give a useful title (Fastify's `{error, message}`,
/// OAuth2's `{error, error_description}`, or the status's reason phrase); raw bodies are never included.
/// `debugDescription` adds the request (method, path, operation, request id) and the field errors.
public struct MoltAPIError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The HTTP status of the response.
    public let status: Int
    /// The problem the server sent; nil when the body was not problem details.
    public let problem: ProblemDetails?
    /// The problem's title, or the best title another body shape (or the status) gives.
    public let title: String
    /// What went wrong this time, for people.
    public let detail: String?
    /// Seconds to wait before retrying, from the problem's `retryAfter` or the `Retry-After` header.
    public let retryAfter: Int?
    public let method: HTTPClientRequest.Method
    /// The request URL's path, without query.
    public let path: String
    /// The OpenAPI operation id, when the caller named one (`getHealth`).
    public let operation: String?
    public let requestID: String?

    public init(
        status: Int, problem: ProblemDetails? = nil, title: String? = nil, detail: String? = nil,
        retryAfter: Int? = nil, method: HTTPClientRequest.Method, path: String, operation: String? = nil,
        requestID: String? = nil
    ) {
        self.status = status
        self.problem = problem
        self.title = title ?? problem?.title ?? Self.reasonPhrase(status)
        self.detail = detail ?? problem?.detail
        self.retryAfter = retryAfter ?? problem?.retryAfter
        self.method = method
        self.path = path
        self.operation = operation
        self.requestID = requestID
    }

    /// The problem type URI (`https://themolt.net/problems/not-found`), when the body was a problem.
    public var type: String? { problem?.type }

    /// The problem type's slug (`not-found`, `validation-failed`): the last path segment of `type`.
    public var typeSlug: String? {
        guard let type, let slash = type.lastIndex(of: "/") else { return type }
        let slug = type[type.index(after: slash)...]
        return slug.isEmpty ? nil : String(slug)
    }

    /// The registered problem type, when the server named one MoltCore knows.
    public var problemType: ProblemType? { problem?.problemType }

    /// The machine-readable code (`NOT_FOUND`), when the body was a problem.
    public var code: ProblemCode? { problem?.code }

    /// The request path and query the server reported.
    public var instance: String? { problem?.instance }

    /// Field errors of a validation failure (possibly empty even then: servers may strip them).
    public var fieldErrors: [FieldError] { problem?.errors ?? [] }

    public var description: String {
        detail.map { "\(title): \($0)" } ?? title
    }

    public var debugDescription: String {
        var parts = ["HTTP \(status)", "\(method) \(path)"]
        if let operation { parts.append("operation \(operation)") }
        if let typeSlug { parts.append("type \(typeSlug)") }
        if let requestID { parts.append("request id \(requestID)") }
        let fields = fieldErrors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        return description + " (" + parts.joined(separator: ", ") + ")" + (fields.isEmpty ? "" : " [\(fields)]")
    }

    /// The standard reason phrase of a status, for bodies that say nothing.
    public static func reasonPhrase(_ status: Int) -> String {
        let phrases = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict", 410: "Gone", 413: "Content Too Large", 415: "Unsupported Media Type",
            422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
            501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "HTTP \(status)"
    }
}
