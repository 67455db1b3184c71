import Foundation
public import MoltCore
import MoltPostgres

// The UPDATEs and INSERTs below are the DBOS CLI's (`dbos workflow cancel/resume/fork`, dbos-schema.md
// §1.3, §2) and MoltWorkflows' operator SQL (SystemDatabase+Commands.swift), duplicated here on purpose:
// MoltClient sits below MoltWorkflows. Unlike those, each statement names only the columns the schema has.
extension DBOSWorkflowClient {
    /// Cancels a workflow that has not finished: CANCELLED, off its queue, deduplication id and claim
    /// cleared, `completed_at` set. A DBOS or MoltWorkflows executor running it stops before its next step.
    /// A SUCCESS or ERROR workflow is left alone.
    /// - Returns: The workflow's status afterwards (CANCELLED, or the finished status it already had).
    /// - Throws: ``DBOSWorkflowError`` `.notFound` when there is no such workflow.
    @discardableResult
    public func cancel(_ workflowID: String) async throws -> DBOSWorkflowState {
        try await session(readOnly: false) { connection, layout in
            let now = Date().epochMilliseconds
            var changes: [SQL] = ["status = 'CANCELLED'", "updated_at = \(now)"]
            changes += Self.present(
                layout, "workflow_status",
                [
                    ("queue_name", "queue_name = NULL"), ("deduplication_id", "deduplication_id = NULL"),
                    ("started_at_epoch_ms", "started_at_epoch_ms = NULL"), ("owner_xid", "owner_xid = NULL"),
                ])
            if layout.has("workflow_status", "completed_at") { changes.append("completed_at = \(now)") }
            let updated = try await connection.query(
                """
                UPDATE dbos.workflow_status SET \(SQL.joined(changes, separator: ", "))
                WHERE workflow_uuid = \(workflowID) AND status NOT IN ('SUCCESS', 'ERROR') RETURNING status
                """)
            if updated.first != nil { return .cancelled }
            return try await Self.currentState(workflowID, connection)
        }
    }

    /// Re-enqueues a workflow that did not finish (any status but SUCCESS or ERROR) on `queue`, with its
    /// recovery attempts, deadline, deduplication id and times reset; an executor polling that queue runs it
    /// again, replaying its recorded steps.
    /// - Returns: Whether it was re-enqueued (false for a finished workflow).
    /// - Throws: ``DBOSWorkflowError`` `.notFound` when there is no such workflow.
    @discardableResult
    public func resume(_ workflowID: String, queue: String = DBOSWorkflowClient.internalQueue) async throws -> Bool {
        try await session(readOnly: false) { connection, layout in
            var changes: [SQL] = [
                "status = 'ENQUEUED'", "queue_name = \(queue)", "updated_at = \(Date().epochMilliseconds)",
            ]
            changes += Self.present(
                layout, "workflow_status",
                [
                    ("recovery_attempts", "recovery_attempts = 0"),
                    ("workflow_deadline_epoch_ms", "workflow_deadline_epoch_ms = NULL"),
                    ("deduplication_id", "deduplication_id = NULL"),
                    ("started_at_epoch_ms", "started_at_epoch_ms = NULL"), ("completed_at", "completed_at = NULL"),
                    ("owner_xid", "owner_xid = NULL"),
                ])
            let updated = try await connection.query(
                """
                UPDATE dbos.workflow_status SET \(SQL.joined(changes, separator: ", "))
                WHERE workflow_uuid = \(workflowID) AND status NOT IN ('SUCCESS', 'ERROR')
                """)
            if updated.affectedRows > 0 { return true }
            _ = try await Self.currentState(workflowID, connection)
            return false
        }
    }

    /// The status of a workflow.
    /// - Throws: ``DBOSWorkflowError`` `.notFound` when there is none.
    static func currentState(_ workflowID: String, _ connection: PostgresConnection) async throws -> DBOSWorkflowState {
        let row = try await connection.query(
            "SELECT status FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)"
        ).first
        guard let row else { throw DBOSWorkflowError(.notFound, workflowID: workflowID, message: "no such workflow") }
        return DBOSWorkflowState(try row.decode("status", as: String?.self) ?? "")
    }

    /// The SQL fragments whose column `table` has.
    static func present(_ layout: DBOSSchemaLayout, _ table: String, _ fragments: [(String, SQL)]) -> [SQL] {
        fragments.filter { layout.has(table, $0.0) }.map(\.1)
    }
}
