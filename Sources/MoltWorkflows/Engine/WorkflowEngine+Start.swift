import Foundation
import MoltPostgres

extension WorkflowEngine {
    /// Starts `workflow` with `input` now, in this engine.
    ///
    /// With an `id`, the start is idempotent: when a workflow with that id exists (running, finished, or
    /// left PENDING by a crash), no new one starts and the handle refers to the existing one. Never call this
    /// inside an application transaction (see the type's documentation).
    ///
    /// - Parameters:
    ///   - id: The workflow id; a random UUID when nil.
    ///   - timeout: Cancels the workflow when it has not finished this long after the start.
    /// - Throws: `WorkflowError.notRegistered`, `.idConflict` (the id belongs to another workflow),
    ///   `.notRunning`, `.serialization`.
    public func startWorkflow<Input, Output>(
        _ workflow: Workflow<Input, Output>, input: Input, id: String? = nil, timeout: Duration? = nil
    ) async throws -> WorkflowHandle<Output> {
        try await waitUntilReady()
        guard state.withLock({ $0.registry[workflow.name] }) != nil else {
            throw WorkflowError(.notRegistered, message: "no workflow is registered as \(workflow.name)")
        }
        let workflowID = id ?? UUID().uuidString.lowercased()
        let inputs = try PortableCoder.encodeInputs(input)
        let deadline = timeout.map { SystemDatabase.nowMilliseconds() + $0.wholeMilliseconds }
        let insertion = try await database.insertWorkflow(
            NewWorkflow(
                workflowID: workflowID, name: workflow.name, inputs: inputs, queueName: nil,
                timeoutMilliseconds: timeout?.wholeMilliseconds, deadlineMilliseconds: deadline, priority: 0,
                deduplicationID: nil))
        switch insertion {
        case .inserted:
            submit(
                WorkflowJob(
                    workflowID: workflowID, name: workflow.name, inputs: inputs, recorded: [:], deadline: deadline,
                    queueName: nil))
        case .existing(let name, _):
            guard name == workflow.name else {
                throw WorkflowError(.idConflict, workflowID: workflowID, message: "the id belongs to workflow \(name)")
            }
        }
        return WorkflowHandle(workflowID: workflowID, engine: self)
    }

    /// Enqueues `workflow` on `queue`; an engine dispatching that queue runs it when the queue's
    /// concurrency allows. Idempotent by `id` like `startWorkflow`.
    ///
    /// - Parameters:
    ///   - timeout: Counted from when the workflow is dequeued.
    ///   - priority: Lower runs first (DBOS's order: priority, then creation time).
    ///   - deduplicationID: At most one ENQUEUED or PENDING workflow per queue with this id.
    /// - Throws: as `startWorkflow`, and `WorkflowError.idConflict` for a taken deduplication id.
    public func enqueueWorkflow<Input, Output>(
        _ workflow: Workflow<Input, Output>, input: Input, queue: WorkflowQueue, id: String? = nil,
        timeout: Duration? = nil, priority: Int = 0, deduplicationID: String? = nil
    ) async throws -> WorkflowHandle<Output> {
        try await waitUntilReady()
        let workflowID = id ?? UUID().uuidString.lowercased()
        let inputs = try PortableCoder.encodeInputs(input)
        let insertion: WorkflowInsertion
        do {
            insertion = try await database.insertWorkflow(
                NewWorkflow(
                    workflowID: workflowID, name: workflow.name, inputs: inputs, queueName: queue.name,
                    timeoutMilliseconds: timeout?.wholeMilliseconds, deadlineMilliseconds: nil, priority: priority,
                    deduplicationID: deduplicationID))
        } catch let error as PostgresError where error.isUniqueViolation {
            throw WorkflowError(
                .idConflict, workflowID: workflowID, message: "the deduplication id is taken on queue \(queue.name)")
        }
        if case .existing(let name, _) = insertion, name != workflow.name {
            throw WorkflowError(.idConflict, workflowID: workflowID, message: "the id belongs to workflow \(name)")
        }
        dispatcherSignal.fire()
        return WorkflowHandle(workflowID: workflowID, engine: self)
    }

    /// A handle on an existing workflow (started anywhere), to await or inspect it.
    public func retrieveWorkflow<Output: Decodable & Sendable>(
        _ workflowID: String, as output: Output.Type = Output.self
    ) -> WorkflowHandle<Output> {
        WorkflowHandle(workflowID: workflowID, engine: self)
    }

    /// Hands a job to `run()`'s task group, unless the workflow already runs here. Returns whether it did.
    @discardableResult
    func submit(_ job: WorkflowJob) -> Bool {
        let running = RunningWorkflow(workflowID: job.workflowID)
        let continuation = state.withLock { state -> AsyncStream<(WorkflowJob, RunningWorkflow)>.Continuation? in
            guard state.phase == .ready || state.phase == .starting, let jobs = state.jobs,
                state.running[job.workflowID] == nil
            else {
                return nil
            }
            state.running[job.workflowID] = running
            if let queue = job.queueName { state.runningPerQueue[queue, default: 0] += 1 }
            return jobs
        }
        guard let continuation else { return false }
        if case .terminated = continuation.yield((job, running)) {
            release(job, running, outcome: .interrupted)
            return false
        }
        return true
    }

    /// Forgets a finished (or never started) execution and tells its waiters.
    func release(_ job: WorkflowJob, _ running: RunningWorkflow, outcome: ExecutionOutcome) {
        state.withLock { state in
            if state.running[job.workflowID] === running { state.running[job.workflowID] = nil }
            if let queue = job.queueName { state.runningPerQueue[queue, default: 1] -= 1 }
        }
        running.finish(outcome)
        hub.fire(NotificationHub.completionKey(workflowID: job.workflowID))
        if job.queueName != nil { dispatcherSignal.fire() }
    }
}
