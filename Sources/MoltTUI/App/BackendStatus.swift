public import Foundation

/// Whether the backend answers, as far as the console knows.
public enum BackendStatus: Hashable, Sendable {
    /// Nothing has been tried yet.
    case unknown
    /// The last call reached it.
    case reachable
    /// It could not be reached; the banner shows the outage and retries with backoff.
    case unreachable(BackendOutage)

    /// The outage, if any.
    public var outage: BackendOutage? {
        if case .unreachable(let outage) = self { return outage }
        return nil
    }
}

/// An outage of the backend: why, since when, how many retries, and when the next one runs.
public struct BackendOutage: Hashable, Sendable {
    /// The transport error's readable reason (`connection refused`).
    public var reason: String
    /// When it was first noticed.
    public var since: Date
    /// Retries done so far.
    public var attempt: Int
    /// When the next retry runs.
    public var nextRetry: Date
    /// Whether a retry is running now.
    public var isRetrying: Bool

    public init(reason: String, since: Date, attempt: Int, nextRetry: Date, isRetrying: Bool) {
        self.reason = reason
        self.since = since
        self.attempt = attempt
        self.nextRetry = nextRetry
        self.isRetrying = isRetrying
    }

    /// The wait before retry number `attempt + 1`: 1, 2, 4, 8, 16, then 30 seconds.
    public static func backoff(afterAttempts attempt: Int) -> Duration {
        .seconds(min(1 << min(max(attempt, 0), 5), 30))
    }
}
