import MoltCore

/// The REST routes' own rate-limit buckets (spec §0.3), applied to the tools that do the same work and
/// counted on the public listener's counters under the same keys, so switching between REST and MCP does not
/// double a budget: `crypto_prepare_signature` (signing), `moltnet_vouch` (vouch), `diary_search`
/// (embedding), `crypto_verify` (publicVerify), `public_feed_search` (publicSearch).
struct MCPToolLimits: Sendable {
    let limits: RateLimits
    let limiter: RateLimiter

    /// Counts one call; the tool error to answer when the bucket is exhausted.
    func consume(_ route: LimitedRoute, caller: AuthContext?, remoteAddress: String) -> MCPToolError? {
        let bucket = limits.bucket(route)
        let decision = limiter.consume(
            bucket: bucket, key: RateLimitMiddleware.key(caller: caller, remoteAddress: remoteAddress))
        guard !decision.allowed else { return nil }
        return MCPToolError(
            "Rate limit exceeded: at most \(bucket.limit) calls a minute; retry after \(decision.resetSeconds) seconds")
    }
}
