import Foundation
public import MoltCore
import MoltPostgres

extension WorkflowEngine {
    /// Cancels a workflow that has not finished (as `dbos workflow cancel`): its status becomes CANCELLED
    /// and it stops before its next step; durable waits (`sleep`, `recv`, `getEvent`) in this engine end at
    /// once. A finished workflow is left as it is.
    ///
    /// - Throws: `WorkflowError.notFound` when there is no such workflow.
    public func cancel(workflowID: String) async throws {
        guard let status = try await database.cancel(workflowID) else {
            throw WorkflowError(.notFound, workflowID: workflowID, message: "no such workflow")
        }
        if status == "CANCELLED", let running = state.withLock({ $0.running[workflowID] }) {
            running.interrupt(.cancelled)
        }
        hub.fire(NotificationHub.completionKey(workflowID: workflowID))
    }

    /// Resumes a workflow that did not finish (cancelled, dead-lettered, or stuck) from where it stopped, as
    /// `dbos workflow resume` does: it is re-enqueued on `_dbos_internal_queue` (or `queue`) with its
    /// attempts reset, and its recorded operations replay. SUCCESS and ERROR workflows are left alone.
    ///
    /// - Returns: Whether the workflow was re-enqueued.
    @discardableResult
    public func resume(workflowID: String, queue: WorkflowQueue? = nil) async throws -> Bool {
        let resumed = try await database.resume(workflowID, queue: queue?.name ?? WorkflowQueue.internalQueueName)
        if resumed { dispatcherSignal.fire() }
        return resumed
    }

    /// Starts a copy of a workflow that replays its operations before `startStep` and runs the rest anew,
    /// as `dbos workflow fork` does. The copy is enqueued on `_dbos_internal_queue` with this engine's
    /// application version and `forked_from` set; the original gets `was_forked_from`.
    ///
    /// - Parameters:
    ///   - startStep: The first `function_id` to run again (1 re-runs everything).
    ///   - newWorkflowID: The copy's id; a random UUID when nil.
    /// - Returns: The copy's id.
    /// - Throws: `WorkflowError.notFound` when there is no such workflow.
    public func fork(workflowID: String, startStep: Int = 1, newWorkflowID: String? = nil) async throws -> String {
        let newID = newWorkflowID ?? UUID().uuidString.lowercased()
        let forked = try await database.fork(
            workflowID, newID: newID, startStep: startStep, applicationVersion: configuration.applicationVersion)
        guard forked else { throw WorkflowError(.notFound, workflowID: workflowID, message: "no such workflow") }
        dispatcherSignal.fire()
        return newID
    }

    /// A workflow's status row with inputs, output and error decoded; nil when there is none.
    public func status(workflowID: String) async throws -> WorkflowStatus? {
        try await database.status(workflowID)
    }

    /// A workflow's recorded operations in order.
    public func steps(workflowID: String) async throws -> [WorkflowStepRecord] {
        try await database.steps(workflowID)
    }

    /// Sends a message to a workflow from outside any workflow (`dbos.notifications`). With an
    /// `idempotencyKey`, sending again with the same key does nothing.
    ///
    /// - Throws: `WorkflowError.notFound` when the destination workflow does not exist.
    public func send<M: Encodable & Sendable>(
        _ message: M, to destination: String, topic: String? = nil, idempotencyKey: String? = nil
    ) async throws {
        do {
            try await database.send(
                destination: destination, topic: topic, message: try PortableCoder.encode(message),
                messageID: idempotencyKey)
        } catch let error as PostgresError where error.isForeignKeyViolation {
            throw WorkflowError(.notFound, workflowID: destination, message: "no workflow to send a message to")
        }
    }

    /// Reads event `key` of a workflow from outside any workflow, waiting up to `timeout` for it to be set.
    public func getEvent<V: Decodable & Sendable>(
        _ type: V.Type = V.self, workflowID: String, key: String, timeout: Duration = .seconds(60)
    ) async throws -> V? {
        let deadline = SystemDatabase.nowMilliseconds() + timeout.wholeMilliseconds
        let value = try await hub.poll(
            key: NotificationHub.eventKey(workflowID: workflowID, key: key), until: deadline,
            pollingInterval: configuration.pollingInterval, running: nil
        ) { try await database.event(workflowID, key: key) }
        guard let value else { return nil }
        return try PortableCoder.decode(V.self, from: value)
    }

    /// Every value a workflow set for event `key`, oldest first (`workflow_events_history`).
    public func eventHistory(workflowID: String, key: String) async throws -> [DBOSPayload] {
        try await database.eventHistory(workflowID, key: key)
    }
}
