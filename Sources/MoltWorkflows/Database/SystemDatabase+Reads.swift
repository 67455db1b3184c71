import Foundation
import MoltCore
import MoltPostgres

extension SystemDatabase {
    /// One workflow's row with payloads decoded, the way `dbos workflow get` reads it.
    func status(_ workflowID: String) async throws -> WorkflowStatus? {
        let result = try await pool.query(
            """
            SELECT ws.workflow_uuid, ws.status, ws.name, ws.executor_id, ws.application_version,
                ws.application_name, ws.recovery_attempts, ws.queue_name, ws.created_at, ws.updated_at,
                ws.completed_at, ws.workflow_timeout_ms, ws.workflow_deadline_epoch_ms, ws.forked_from,
                ws.serialization, COALESCE(wi.inputs, ws.inputs) AS inputs,
                COALESCE(wo.output, ws.output) AS output, COALESCE(wo.error, ws.error) AS error
            FROM dbos.workflow_status ws
            LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = ws.workflow_uuid
            LEFT JOIN dbos.workflow_output wo ON wo.workflow_uuid = ws.workflow_uuid
            WHERE ws.workflow_uuid = \(workflowID)
            """)
        return try result.first.map(Self.status(row:))
    }

    /// A workflow's operations in order, the way `dbos workflow steps` reads them.
    func steps(_ workflowID: String) async throws -> [WorkflowStepRecord] {
        let result = try await pool.query(
            """
            SELECT function_id, function_name, output, error, child_workflow_id, started_at_epoch_ms,
                completed_at_epoch_ms, serialization
            FROM dbos.operation_outputs WHERE workflow_uuid = \(workflowID) ORDER BY function_id
            """)
        return try result.rows.map { row in
            let serialization = try row.decode("serialization", as: String?.self)
            return WorkflowStepRecord(
                functionID: try row.decode("function_id"), functionName: try row.decode("function_name"),
                output: DBOSPayload.decode(try row.decode("output", as: String?.self), serialization: serialization),
                error: DBOSPayload.decode(try row.decode("error", as: String?.self), serialization: serialization),
                childWorkflowID: try row.decode("child_workflow_id", as: String?.self),
                startedAt: try row.decode("started_at_epoch_ms", as: Int64?.self).map(Self.date),
                completedAt: try row.decode("completed_at_epoch_ms", as: Int64?.self).map(Self.date))
        }
    }

    /// Every value a workflow set for `key`, oldest first (`workflow_events_history`).
    func eventHistory(_ workflowID: String, key: String) async throws -> [DBOSPayload] {
        let result = try await pool.query(
            """
            SELECT value, serialization FROM dbos.workflow_events_history
            WHERE workflow_uuid = \(workflowID) AND key = \(key) ORDER BY function_id
            """)
        return try result.rows.compactMap { row in
            DBOSPayload.decode(
                try row.decode("value", as: String?.self),
                serialization: try row.decode("serialization", as: String?.self))
        }
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func status(row: PostgresRow) throws -> WorkflowStatus {
        let serialization = try row.decode("serialization", as: String?.self)
        return WorkflowStatus(
            workflowID: try row.decode("workflow_uuid"),
            state: WorkflowStatus.State(try row.decode("status", as: String?.self) ?? ""),
            name: try row.decode("name", as: String?.self) ?? "",
            executorID: try row.decode("executor_id", as: String?.self),
            applicationVersion: try row.decode("application_version", as: String?.self),
            applicationName: try row.decode("application_name", as: String?.self),
            recoveryAttempts: try row.decode("recovery_attempts", as: Int?.self) ?? 0,
            queueName: try row.decode("queue_name", as: String?.self),
            createdAt: date(try row.decode("created_at")),
            updatedAt: date(try row.decode("updated_at")),
            completedAt: try row.decode("completed_at", as: Int64?.self).map(date),
            timeoutMilliseconds: try row.decode("workflow_timeout_ms", as: Int?.self),
            deadline: try row.decode("workflow_deadline_epoch_ms", as: Int64?.self).map(date),
            forkedFrom: try row.decode("forked_from", as: String?.self),
            serialization: serialization,
            inputs: DBOSPayload.decode(try row.decode("inputs", as: String?.self), serialization: serialization),
            output: DBOSPayload.decode(try row.decode("output", as: String?.self), serialization: serialization),
            error: DBOSPayload.decode(try row.decode("error", as: String?.self), serialization: serialization))
    }
}
