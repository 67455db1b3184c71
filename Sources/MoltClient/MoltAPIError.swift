/// A MoltNet API error response: the HTTP status and the decoded RFC 9457 problem (spec §0.2).
///
/// `description` is what a console flashes and a CLI prints after `error: `: `Title: detail`, or the title
/// alone. Bodies that are not problem details still give a useful title (Fastify's `{error, message}`,
/// OAuth2's `{error, error_description}`, or the status's reason phrase); raw bodies are never included.
/// `debugDescription` adds the request (method, path, operation, request id).
public struct MoltAPIError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// One invalid field of a validation failure.
    public struct FieldError: Sendable, Equatable {
        /// The field, as a JSON pointer (`/content`) or a property name.
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public let status: Int
    /// The problem type URI (`https://themolt.net/problems/not-found`), when the body was a problem.
    public let type: String?
    public let title: String
    /// The machine-readable code (`NOT_FOUND`).
    public let code: String?
    public let detail: String?
    /// The request path and query the server reported.
    public let instance: String?
    /// Field errors of a validation failure (possibly empty even then: servers may strip them).
    public let fieldErrors: [FieldError]
    /// Seconds to wait before retrying, from the problem's `retryAfter` or the `Retry-After` header.
    public let retryAfter: Int?
    public let method: HTTPClientRequest.Method
    /// The request URL's path, without query.
    public let path: String
    /// The OpenAPI operation id, when the caller named one (`getHealth`).
    public let operation: String?
    public let requestID: String?

    public init(
        status: Int, type: String? = nil, title: String, code: String? = nil, detail: String? = nil,
        instance: String? = nil, fieldErrors: [FieldError] = [], retryAfter: Int? = nil,
        method: HTTPClientRequest.Method, path: String, operation: String? = nil, requestID: String? = nil
    ) {
        self.status = status
        self.type = type
        self.title = title
        self.code = code
        self.detail = detail
        self.instance = instance
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
        self.method = method
        self.path = path
        self.operation = operation
        self.requestID = requestID
    }

    /// The problem type's slug (`not-found`, `validation-failed`): the last path segment of `type`.
    public var typeSlug: String? {
        guard let type, let slash = type.lastIndex(of: "/") else { return type }
        let slug = type[type.index(after: slash)...]
        return slug.isEmpty ? nil : String(slug)
    }

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
}
