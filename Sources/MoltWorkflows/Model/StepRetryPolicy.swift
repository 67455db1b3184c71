import Foundation

/// How a step is retried when its body throws.
///
/// Attempt `n` (from 2) waits `initialBackoff * backoffRate^(n-2)`. With `maxAttempts` 1 (the default) a
/// step runs once. After the last attempt, the last error is recorded and thrown as a `WorkflowFailure`.
public struct StepRetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var backoffRate: Double

    public init(maxAttempts: Int = 1, initialBackoff: Duration = .seconds(1), backoffRate: Double = 2) {
        precondition(maxAttempts >= 1, "a step runs at least once")
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.backoffRate = backoffRate
    }

    /// Run once, never retry.
    public static let none = StepRetryPolicy()

    /// The wait before attempt `attempt` (2, 3, …).
    func backoff(beforeAttempt attempt: Int) -> Duration {
        initialBackoff * pow(backoffRate, Double(attempt - 2))
    }
}
