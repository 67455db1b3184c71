/// The mutable state of a `WorkflowEngine`, guarded by its mutex.
struct EngineState {
    enum Phase: Equatable {
        case idle, starting, ready, stopping, stopped
    }

    var phase = Phase.idle
    var registry: [String: RegisteredWorkflow] = [:]
    var queues: [String: WorkflowQueue] = [
        WorkflowQueue.internalQueueName: WorkflowQueue(name: WorkflowQueue.internalQueueName)
    ]
    var running: [String: RunningWorkflow] = [:]
    var runningPerQueue: [String: Int] = [:]
    var jobs: AsyncStream<(WorkflowJob, RunningWorkflow)>.Continuation?
    var readyWaiters: [CheckedContinuation<Void, any Error>] = []
    var stoppedWaiters: [CheckedContinuation<Void, Never>] = []
    var gracePeriod: Duration = .zero
}
