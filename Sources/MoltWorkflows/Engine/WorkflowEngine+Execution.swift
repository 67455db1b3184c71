import MoltCore
import MoltPostgres

extension WorkflowEngine {
    /// Executes one workflow to its end (or interruption) and records the outcome.
    func execute(_ job: WorkflowJob, _ running: RunningWorkflow) async {
        let logger = logger.with(["workflow.id": job.workflowID, "workflow.name": job.name])
        let outcome: ExecutionOutcome
        do {
            outcome = try await run(job, running)
        } catch {
            if !(error is CancellationError) {
                logger.error("Workflow execution stopped by an engine error.", ["error": "\(error)"])
            }
            outcome = .interrupted
        }
        release(job, running, outcome: outcome)
    }

    private func run(_ job: WorkflowJob, _ running: RunningWorkflow) async throws -> ExecutionOutcome {
        guard let registered = state.withLock({ $0.registry[job.name] }) else { return .interrupted }
        let recorded: [Int: RecordedOperation]
        if let known = job.recorded {
            recorded = known
        } else {
            recorded = try await database.recordedOperations([job.workflowID])[job.workflowID] ?? [:]
        }
        let context = WorkflowContext(running: running, recorded: recorded, database: database, hub: hub)
        let result = await invoke(registered, context, inputs: job.inputs, deadline: job.deadline)
        switch result {
        case .success(let output):
            return try await finish(job.workflowID, output: output, failure: nil)
        case .failure(let error):
            if Task.isCancelled || error is CancellationError { return .interrupted }
            if let reason = running.interruption {
                if reason == .timedOut { _ = try await database.cancel(job.workflowID) }
                return .cancelled
            }
            if let error = error as? WorkflowError, error.code == .cancelled { return .cancelled }
            if let error = error as? PostgresError, error.code == .connection || error.code == .pool {
                throw error
            }
            return try await finish(job.workflowID, output: nil, failure: WorkflowFailure(converting: error))
        }
    }

    /// Runs the body, racing it against the deadline when there is one: at the deadline the workflow is
    /// interrupted, which its next step or durable wait turns into a cancellation.
    private func invoke(
        _ registered: RegisteredWorkflow, _ context: WorkflowContext, inputs: String?, deadline: Int64?
    ) async -> Result<String, any Error> {
        guard let deadline else { return await Self.result { try await registered.run(context, inputs) } }
        return await withTaskGroup(of: Result<String, any Error>?.self) { group in
            group.addTask { await Self.result { try await registered.run(context, inputs) } }
            group.addTask {
                let remaining = deadline - SystemDatabase.nowMilliseconds()
                if remaining > 0 { try? await Task.sleep(for: .milliseconds(remaining)) }
                if !Task.isCancelled { context.running.interrupt(.timedOut) }
                return nil
            }
            var outcome: Result<String, any Error> = .failure(CancellationError())
            while let next = await group.next() {
                if let next {
                    outcome = next
                    group.cancelAll()
                }
            }
            return outcome
        }
    }

    private static func result(_ body: () async throws -> String) async -> Result<String, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    /// Writes SUCCESS or ERROR. When the row left PENDING meanwhile (cancelled, or finished by another
    /// execution), reports what the table says instead.
    private func finish(_ workflowID: String, output: String?, failure: WorkflowFailure?) async throws
        -> ExecutionOutcome
    {
        let wrote = try await database.finishWorkflow(
            workflowID, output: output, error: failure.map(PortableCoder.encodeError))
        if wrote {
            if let failure { return .failure(failure) }
            return .success(output ?? "null")
        }
        guard let stored = try await database.workflowOutcome(workflowID) else { return .interrupted }
        switch stored.status {
        case "SUCCESS": return .success(stored.output ?? "null")
        case "ERROR": return .failure(PortableCoder.decodeError(stored.error))
        case "CANCELLED": return .cancelled
        default: return .interrupted
        }
    }
}
