/// A workflow the engine is about to execute: from a direct start (nothing recorded yet), a recovery or a
/// dequeue (recorded operations loaded, to replay).
struct WorkflowJob: Sendable {
    let workflowID: String
    let name: String
    let inputs: String?
    /// Operations already recorded, by function id; nil to load them when the execution starts.
    let recorded: [Int: RecordedOperation]?
    /// Epoch ms after which the workflow is cancelled.
    let deadline: Int64?
    /// The queue it was dequeued from, for per-queue worker concurrency.
    let queueName: String?

    init(
        workflowID: String, name: String, inputs: String?, recorded: [Int: RecordedOperation]?, deadline: Int64?,
        queueName: String?
    ) {
        self.workflowID = workflowID
        self.name = name
        self.inputs = inputs
        self.recorded = recorded
        self.deadline = deadline
        self.queueName = queueName
    }

    init(claimed: ClaimedWorkflow, recorded: [Int: RecordedOperation], queueName: String?) {
        self.init(
            workflowID: claimed.workflowID, name: claimed.name, inputs: claimed.inputs, recorded: recorded,
            deadline: claimed.deadlineMilliseconds, queueName: queueName)
    }
}
