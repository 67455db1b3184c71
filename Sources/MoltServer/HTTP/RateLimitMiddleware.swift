import MoltCore

/// Enforces the per-minute limits of spec §0.3 after authentication, keyed by identity when the caller is
/// known and by address otherwise; a route's own bucket replaces the global one. Every limited response
/// carries `X-RateLimit-*`; an exceeded limit answers 429 rate-limit-exceeded with `Retry-After` and
/// `retryAfter` (the reference's intent; it answered 500, spec §9 #3).
public struct RateLimitMiddleware: HTTPMiddleware {
    let limits: RateLimits
    let limiter: RateLimiter

    public init(limits: RateLimits) {
        self.init(limits: limits, limiter: RateLimiter(window: limits.window))
    }

    /// Counts on `limiter`, which other parts of the server (the MCP tools) may share.
    public init(limits: RateLimits, limiter: RateLimiter) {
        self.limits = limits
        self.limiter = limiter
    }

    /// The key requests are counted under: the agent when authenticated, else the client address.
    static func key(caller: AuthContext?, remoteAddress: String) -> String {
        caller.map { "agent:\($0.identityID)" } ?? "ip:\(remoteAddress)"
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Responder) async throws -> HTTPResponse {
        guard !context.options.rateLimitExempt else { return try await next(request, context) }
        let bucket =
            context.options.rateLimitBucket
            ?? (context.caller == nil
                ? RateLimitBucket(name: "global-anonymous", limit: limits.anonymous)
                : RateLimitBucket(name: "global-authenticated", limit: limits.authenticated))
        let key = Self.key(caller: context.caller, remoteAddress: request.remoteAddress)
        let decision = limiter.consume(bucket: bucket, key: key)
        var headers = HTTPHeaders()
        headers["X-RateLimit-Limit"] = "\(decision.limit)"
        headers["X-RateLimit-Remaining"] = "\(decision.remaining)"
        headers["X-RateLimit-Reset"] = "\(decision.resetSeconds)"
        guard decision.allowed else {
            headers["Retry-After"] = "\(decision.resetSeconds)"
            context.logger.notice("Rate limit exceeded.", ["rate_limit.bucket": bucket.name])
            var problem = ProblemDetails(
                .rateLimitExceeded,
                detail: "Too many requests. Please retry after \(decision.resetSeconds) seconds.",
                retryAfter: decision.resetSeconds)
            problem.instance = request.target
            return ProblemRenderingMiddleware.render(problem, headers: headers)
        }
        var response = try await next(request, context)
        for (name, value) in headers where response.headers[name] == nil {
            response.headers[name] = value
        }
        return response
    }

}
