public import MoltCore

/// Per-request facts handlers need: the request id, a logger carrying it, the matched route and its path
/// parameters, and (after authentication) who is calling.
public struct RequestContext: Sendable {
    /// The request id (from `X-Request-ID` when the client sent a sane one, else generated).
    public var requestID: String
    /// A logger with `request.id` in its metadata.
    public var logger: Logger
    /// The matched route template (`/diaries/{id}`), empty before routing.
    public var route: String = ""
    /// Path parameters by name, percent-decoded.
    public var parameters: [String: String] = [:]

    public init(requestID: String, logger: Logger) {
        self.requestID = requestID
        self.logger = logger
    }
}
