/// An HTTP request method.
public enum HTTPMethod: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case get = "GET"
    case head = "HEAD"
    case post = "POST"
    case put = "PUT"
    case patch = "PATCH"
    case delete = "DELETE"
    case options = "OPTIONS"

    public var description: String { rawValue }

    /// Whether repeating the request has no further effect, so a client may retry it (RFC 9110 §9.2.2).
    public var isIdempotent: Bool { self != .post && self != .patch }
}

/// The media types the contract uses for bodies.
public enum MediaType: String, Hashable, Sendable {
    case json = "application/json"
    case formURLEncoded = "application/x-www-form-urlencoded"
    case plainText = "text/plain; charset=utf-8"
    case problemJSON = "application/problem+json"
}

/// The openapi.json tag an operation is filed under.
public enum OperationTag: String, Hashable, Sendable, CaseIterable {
    case auth, health, diary, agents, crypto, recovery, vouch
    case `public`, problems
}

/// What a path parameter must look like; a mismatch is a 400 validation-failed before any handler runs.
public enum PathParameterFormat: Hashable, Sendable {
    /// A UUID in either case.
    case uuid
    /// `XXXX-XXXX-XXXX-XXXX` hex in either case.
    case fingerprint
    /// The slug of a registered ``ProblemType``.
    case problemSlug

    /// The field error for `value` at parameter `name`, or nil when it fits.
    public func check(_ value: String, name: String) -> FieldError? {
        switch self {
        case .uuid:
            return AgentID(value) == nil ? .format("/\(name)", "uuid") : nil
        case .fingerprint:
            return ContractPattern.fingerprint.matches(value)
                ? nil : .pattern("/\(name)", ContractPattern.fingerprint.pattern)
        case .problemSlug:
            return ProblemType.named(value) == nil ? .notAllowed("/\(name)") : nil
        }
    }
}
