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
