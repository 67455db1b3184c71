import MoltCore

extension WorkflowEngine {
    /// Re-runs PENDING workflows of `executorIDs` (this engine's by default) and this application version,
    /// replaying their recorded operations. Each gets `recovery_attempts + 1`; one past
    /// `maxRecoveryAttempts + 1` is dead-lettered (`MAX_RECOVERY_ATTEMPTS_EXCEEDED`) instead.
    ///
    /// Runs at start-up by itself. Call it with the ids of executors known to be dead to take over their
    /// work (what DBOS's `/dbos-workflow-recovery` does).
    ///
    /// - Returns: The ids of the workflows now running again here.
    @discardableResult
    public func recoverPendingWorkflows(executorIDs: [String]? = nil) async throws -> [String] {
        try await waitUntilReady()
        return try await recover(executorIDs: executorIDs ?? [configuration.executorID])
    }

    private func recover(executorIDs: [String]) async throws -> [String] {
        let (names, running) = state.withLock { (Array($0.registry.keys), Array($0.running.keys)) }
        guard !names.isEmpty else { return [] }
        let claimed = try await database.claimPending(
            executorIDs: executorIDs, names: names, excluding: running)
        let recovered = try await start(claimed, queueName: nil)
        if !claimed.isEmpty {
            logger.info(
                "Recovered pending workflows.",
                [
                    "workflow.recovered": "\(recovered.count)",
                    "workflow.dead_lettered": "\(claimed.count - recovered.count)",
                ])
        }
        return recovered
    }

    /// Dead-letters claimed workflows past their attempts, loads the others' recorded operations in one
    /// query and submits them. Returns the ids submitted.
    func start(_ claimed: [ClaimedWorkflow], queueName: String?) async throws -> [String] {
        let limit = configuration.maxRecoveryAttempts + 1
        let dead = claimed.filter { $0.recoveryAttempts > limit }
        if !dead.isEmpty {
            try await database.deadLetter(dead.map(\.workflowID))
            for workflow in dead {
                logger.warning(
                    "Workflow exceeded its recovery attempts.",
                    ["workflow.id": workflow.workflowID, "workflow.recovery_attempts": "\(workflow.recoveryAttempts)"])
                hub.fire(NotificationHub.completionKey(workflowID: workflow.workflowID))
            }
        }
        let live = claimed.filter { $0.recoveryAttempts <= limit }
        let recorded = try await database.recordedOperations(live.map(\.workflowID))
        return live.compactMap { workflow in
            let job = WorkflowJob(
                claimed: workflow, recorded: recorded[workflow.workflowID] ?? [:], queueName: queueName)
            return submit(job) ? workflow.workflowID : nil
        }
    }

    func recoverAtStartup() async {
        do {
            _ = try await recover(executorIDs: [configuration.executorID])
        } catch is CancellationError {
        } catch {
            logger.error("Recovery of pending workflows failed.", ["error": "\(error)"])
        }
    }
}
