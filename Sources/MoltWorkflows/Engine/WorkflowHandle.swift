/// A reference to one workflow, to await its result or read its status.
///
/// Returned by `startWorkflow`, `enqueueWorkflow` and `retrieveWorkflow`. Cheap to copy; holds no
/// resources.
public struct WorkflowHandle<Output: Decodable & Sendable>: Sendable {
    /// The workflow's id.
    public let workflowID: String
    let engine: WorkflowEngine

    /// Waits for the workflow to finish and returns its output.
    ///
    /// - Throws: `WorkflowFailure` when it ended in ERROR, `WorkflowError.cancelled` when cancelled (or
    ///   timed out), `.maxRecoveryAttemptsExceeded` when dead-lettered, `.notFound`, and `.notRunning` when
    ///   the engine stops while the workflow is still unfinished.
    public func getResult() async throws -> Output {
        try PortableCoder.decode(Output.self, from: try await engine.awaitOutput(workflowID))
    }

    /// The workflow's current status row.
    ///
    /// - Throws: `WorkflowError.notFound` when there is no such workflow.
    public func getStatus() async throws -> WorkflowStatus {
        guard let status = try await engine.status(workflowID: workflowID) else {
            throw WorkflowError(.notFound, workflowID: workflowID, message: "no such workflow")
        }
        return status
    }
}

extension WorkflowEngine {
    /// The output text of a finished workflow, waiting for it locally or by watching the table.
    func awaitOutput(_ workflowID: String) async throws -> String {
        while true {
            if let running = state.withLock({ $0.running[workflowID] }) {
                switch await running.outcome() {
                case .success(let output): return output
                case .failure(let failure): throw failure
                case .cancelled: throw Self.cancelled(workflowID)
                case .interrupted: break
                }
            }
            if state.withLock({ $0.phase == .stopped }) {
                throw WorkflowError(
                    .notRunning, workflowID: workflowID, message: "the engine stopped before the workflow finished")
            }
            let deadline = SystemDatabase.nowMilliseconds() + configuration.pollingInterval.wholeMilliseconds
            let stored = try await hub.poll(
                key: NotificationHub.completionKey(workflowID: workflowID), until: deadline,
                pollingInterval: configuration.pollingInterval, running: nil
            ) { () -> (status: String, output: String?, error: String?)? in
                guard let stored = try await database.workflowOutcome(workflowID) else {
                    throw WorkflowError(.notFound, workflowID: workflowID, message: "no such workflow")
                }
                let finished = ["SUCCESS", "ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"]
                return finished.contains(stored.status) ? stored : nil
            }
            switch stored?.status {
            case "SUCCESS": return stored?.output ?? "null"
            case "ERROR": throw PortableCoder.decodeError(stored?.error)
            case "CANCELLED": throw Self.cancelled(workflowID)
            case "MAX_RECOVERY_ATTEMPTS_EXCEEDED":
                throw WorkflowError(
                    .maxRecoveryAttemptsExceeded, workflowID: workflowID, message: "the workflow was dead-lettered")
            default:
                if isStopping, state.withLock({ $0.running[workflowID] }) == nil {
                    throw WorkflowError(
                        .notRunning, workflowID: workflowID, message: "the engine stopped before the workflow finished")
                }
            }
        }
    }

    static func cancelled(_ workflowID: String) -> WorkflowError {
        WorkflowError(.cancelled, workflowID: workflowID, message: "the workflow was cancelled")
    }
}
