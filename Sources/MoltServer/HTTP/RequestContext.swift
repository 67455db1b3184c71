import Foundation
public import MoltCore

/// Per-request facts handlers need: the request id, a logger carrying it, the matched route and its path
/// parameters, and (after authentication) who is calling.
public struct RequestContext: Sendable {
    /// The request id (from `X-Request-ID` when the client sent a sane one, else generated).
    public var requestID: String
    /// A logger with `request.id` in its metadata.
    public var logger: Logger
    /// The matched route template (`/diaries/{id}`), empty before routing or when nothing matched.
    public var route: String = ""
    /// The matched route's options.
    public var options = RouteOptions()
    /// Path parameters by name, percent-decoded.
    public var parameters = PathParameters()
    /// The authenticated caller, when the request carried a valid bearer token.
    public var caller: AuthContext?
    /// The matched route's handler (nil when nothing matched); the pipeline resolves the route once.
    var handler: Router.Handler?
    /// The methods the path allows when the request's method has no route.
    var allowedMethods: [HTTPMethod] = []

    public init(requestID: String, logger: Logger) {
        self.requestID = requestID
        self.logger = logger
    }

    /// The authenticated caller, or the 401 a route requiring authentication answers.
    public func requireCaller() throws(ProblemDetails) -> AuthContext {
        guard let caller else { throw ProblemDetails(.unauthorized, detail: "Missing authorization header") }
        return caller
    }
}

extension AuthContext {
    /// The caller's identity as the contract's typed id.
    public var agentID: AgentID { AgentID(rawValue: identityID) }
}
