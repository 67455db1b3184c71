import Foundation

/// A named queue whose ENQUEUED workflows the engine runs, with optional concurrency limits.
///
/// `concurrency` caps the workflows of this queue running at once across every executor sharing the
/// database (enforced under a transaction-level advisory lock per queue); `workerConcurrency` caps those
/// running in this engine. Register each queue with `WorkflowEngine.register(queue:)` before `run()`.
/// Use names no DBOS application listens to: a DBOS application would otherwise try to run the rows.
public struct WorkflowQueue: Sendable, Hashable {
    public let name: String
    public let concurrency: Int?
    public let workerConcurrency: Int?

    public init(name: String, concurrency: Int? = nil, workerConcurrency: Int? = nil) {
        precondition(!name.isEmpty, "a queue needs a name")
        self.name = name
        self.concurrency = concurrency
        self.workerConcurrency = workerConcurrency
    }

    /// DBOS's internal queue, used by `resume` and `fork` (and by DBOS's own recovery).
    public static let internalQueueName = "_dbos_internal_queue"
}

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
