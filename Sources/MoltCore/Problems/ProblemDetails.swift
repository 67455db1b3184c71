/// An RFC 9457 problem, the body of every MoltNet error (`application/problem+json`, spec §0.2).
///
/// `type`, `title`, `status` and `code` are always present; validation failures add `errors`, rate-limit
/// responses add `retryAfter`, and any other member a server sends is kept in ``extensions`` and written
/// back unchanged. Both sides use it: the server builds one from a ``ProblemType``, the client decodes it.
public struct ProblemDetails: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The media type of a problem body.
    public static let mediaType = "application/problem+json"

    /// The problem type URI, `https://themolt.net/problems/not-found`.
    public var type: String
    /// The problem type's title.
    public var title: String
    /// The HTTP status.
    public var status: Int
    /// The machine-readable code.
    public var code: ProblemCode
    /// What went wrong this time, for people.
    public var detail: String?
    /// The request path and query that failed.
    public var instance: String?
    /// Field errors of a validation failure.
    public var errors: [FieldError]?
    /// Seconds to wait before retrying, on rate-limit problems.
    public var retryAfter: Int?
    /// Members beyond the ones above, kept as sent.
    public var extensions: [String: JSONValue]

    public init(
        type: String, title: String, status: Int, code: ProblemCode, detail: String? = nil,
        instance: String? = nil, errors: [FieldError]? = nil, retryAfter: Int? = nil,
        extensions: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.code = code
        self.detail = detail
        self.instance = instance
        self.errors = errors
        self.retryAfter = retryAfter
        self.extensions = extensions
    }

    /// A problem of a registered type. `status` overrides the type's status (the reference keeps an
    /// error's own status when it falls back to internal-server-error). For any status of 500 or more the
    /// detail is replaced by ``ProblemType/serverErrorDetail``, so internals never reach a client.
    public init(
        _ problemType: ProblemType, status: Int? = nil, detail: String? = nil, instance: String? = nil,
        errors: [FieldError]? = nil, retryAfter: Int? = nil
    ) {
        let status = status ?? problemType.status
        self.init(
            type: problemType.uri, title: problemType.title, status: status, code: problemType.code,
            detail: status >= 500 ? ProblemType.serverErrorDetail : detail, instance: instance, errors: errors,
            retryAfter: retryAfter)
    }

    /// The 429 rate-limit problem with the reference's intended detail and `retryAfter` member.
    public static func rateLimitExceeded(retryAfter seconds: Int, instance: String? = nil) -> ProblemDetails {
        ProblemDetails(
            .rateLimitExceeded, detail: "Too many requests. Please retry after \(seconds) seconds.",
            instance: instance, retryAfter: seconds)
    }

    /// The registered type this problem names, if any.
    public var problemType: ProblemType? { ProblemType.withURI(type) }

    /// `Title: detail`, or the title alone: what a console flashes and a CLI prints after `error: `.
    public var description: String { detail.map { "\(title): \($0)" } ?? title }

    private static let memberNames: Set<String> = [
        "type", "title", "status", "code", "detail", "instance", "errors", "retryAfter",
    ]

    private enum CodingKeys: String, CodingKey {
        case type, title, status, code, detail, instance, errors, retryAfter
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        title = try container.decode(String.self, forKey: .title)
        status = try container.decode(Int.self, forKey: .status)
        code = try container.decode(ProblemCode.self, forKey: .code)
        detail = try container.decodeIfPresent(String.self, forKey: .detail)
        instance = try container.decodeIfPresent(String.self, forKey: .instance)
        errors = try container.decodeIfPresent([FieldError].self, forKey: .errors)
        retryAfter = try container.decodeIfPresent(Int.self, forKey: .retryAfter)
        extensions = try decoder.container(keyedBy: DynamicCodingKey.self)
            .extensionMembers(excluding: Self.memberNames)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(detail, forKey: .detail)
        try container.encodeIfPresent(instance, forKey: .instance)
        try container.encodeIfPresent(errors, forKey: .errors)
        try container.encodeIfPresent(retryAfter, forKey: .retryAfter)
        var members = encoder.container(keyedBy: DynamicCodingKey.self)
        try members.encodeExtensionMembers(extensions, excluding: Self.memberNames)
    }
}
