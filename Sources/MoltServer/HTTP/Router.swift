public import MoltCore

/// Maps a method and path to a route, on MoltCore's `RouteTable`: one tree per method, a static segment
/// beats a parameter at every level (`/agents/whoami` before `/agents/{fingerprint}`), with backtracking.
/// A path that exists only for other methods is reported with the methods it allows; HEAD falls back to GET.
public struct Router: Sendable {
    /// Answers a routed request.
    public typealias Handler = @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse

    /// A registered route: its handler and what the middleware needs to know about it.
    public struct Route: Sendable {
        public let handler: Handler
        public let options: RouteOptions
    }

    /// What a lookup found.
    public enum Resolution: Sendable {
        /// A route, its template and the decoded path parameters.
        case found(route: Route, template: String, parameters: PathParameters)
        /// The path exists for other methods only.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private var table = RouteTable<Route>()

    public init() {}

    /// Adds a route. Adding the same method and template twice is a programming error.
    public mutating func add(
        _ method: HTTPMethod, _ template: PathTemplate, options: RouteOptions = RouteOptions(),
        _ handler: @escaping Handler
    ) {
        table.add(method, template, Route(handler: handler, options: options))
    }

    /// Finds the route for a method name and a raw (percent-encoded) path.
    public func resolve(_ methodName: String, path: String) -> Resolution {
        if let method = HTTPMethod(rawValue: methodName),
            let match = table.match(method, path: path) ?? (method == .head ? table.match(.get, path: path) : nil)
        {
            return .found(route: match.value, template: match.template.template, parameters: match.parameters)
        }
        let allowed = table.allowedMethods(path: path)
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}

/// Per-route facts the middleware acts on.
public struct RouteOptions: Sendable, Equatable {
    /// The contract's operation id, for logs (empty for routes outside openapi.json).
    public var operationID: String
    /// Whether a valid bearer token is required (401 otherwise).
    public var requiresAuthentication: Bool
    /// The rate-limit bucket replacing the global one for this route, if any.
    public var rateLimitBucket: RateLimitBucket?
    /// Routes that never count against rate limits (`/health`, `/ready`, `/problems`).
    public var rateLimitExempt: Bool
    /// Extra `Cache-Control` handling: public routes set their own max-age, recovery routes forbid storing.
    public var caching: Caching

    /// How a route's responses may be cached.
    public enum Caching: Sendable, Equatable {
        /// Authenticated responses are never stored; public ones leave it to the handler.
        case standard
        /// `no-store, no-cache, must-revalidate, private`, `Pragma: no-cache`, `Expires: 0` (recovery).
        case sensitive
        /// `public, max-age=N`.
        case publicFor(seconds: Int)
    }

    public init(
        operationID: String = "", requiresAuthentication: Bool = false, rateLimitBucket: RateLimitBucket? = nil,
        rateLimitExempt: Bool = false, caching: Caching = .standard
    ) {
        self.operationID = operationID
        self.requiresAuthentication = requiresAuthentication
        self.rateLimitBucket = rateLimitBucket
        self.rateLimitExempt = rateLimitExempt
        self.caching = caching
    }
}
