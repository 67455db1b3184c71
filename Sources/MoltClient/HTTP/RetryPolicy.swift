/// When and how long to wait before retrying a request: exponential backoff with full jitter.
///
/// Only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are ever retried, and only when the answer
/// was 429 or 503 or no answer came because the connection failed. The n-th retry waits a random time
/// between zero and `min(maximumDelay, baseDelay × 2ⁿ⁻¹)` ("full jitter"), unless the server said how long
/// with `Retry-After`; a `Retry-After` longer than `maximumDelay` is not waited for, and the response is
/// returned as it is.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first included (1 disables retries).
    public var maximumAttempts: Int
    /// The backoff ceiling of the first retry; it doubles for each further retry.
    public var baseDelay: Duration
    /// The longest single wait, for backoff and for `Retry-After` alike.
    public var maximumDelay: Duration
    /// Statuses that are retried (for idempotent methods).
    public var retryableStatuses: Set<Int>

    public init(
        maximumAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(10),
        retryableStatuses: Set<Int> = [429, 503]
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.retryableStatuses = retryableStatuses
    }

    /// Never retry.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// The backoff ceiling before retry number `retry` (1 for the first retry).
    public func backoffCeiling(beforeRetry retry: Int) -> Duration {
        let doublings = min(max(0, retry - 1), 30)
        let ceiling = baseDelay * (1 << doublings)
        return min(ceiling, maximumDelay)
    }

    /// A full-jitter delay before retry number `retry`: uniform in `0...backoffCeiling(beforeRetry:)`.
    public func jitteredDelay(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = backoffCeiling(beforeRetry: retry)
        let nanoseconds = ceiling.nanosecondsClamped
        guard nanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator))
    }

    /// Whether an attempt of `method` that ended with `status` may be retried.
    public func shouldRetry(_ method: HTTPClientRequest.Method, status: Int) -> Bool {
        method.isIdempotent && retryableStatuses.contains(status)
    }

    /// Whether an attempt of `method` that failed with `error` may be retried.
    public func shouldRetry(_ method: HTTPClientRequest.Method, error: HTTPTransportError) -> Bool {
        method.isIdempotent && error.isConnectionFailure
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to `Int64`.
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < Int64.max / 1_000_000_000 else { return .max }
        return max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
