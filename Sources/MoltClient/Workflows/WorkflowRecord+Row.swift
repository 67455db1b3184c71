import Foundation
import MoltCore
import MoltPostgres

extension WorkflowRecord {
    /// Decodes a row of ``DBOSWorkflowClient``'s select, whatever columns the schema had.
    init(row: PostgresRow) throws {
        let serialization: String? = try row.optional("serialization")
        func payload(_ column: String) throws -> DBOSPayload? {
            DBOSPayload.decode(try row.optional(column, as: String.self), serialization: serialization)
        }
        func date(_ column: String) throws -> Date? {
            try row.optional(column, as: Int64.self).map(Date.init(epochMilliseconds:))
        }
        self.init(
            workflowID: try row.decode("workflow_uuid"),
            status: DBOSWorkflowState(try row.optional("status", as: String.self) ?? ""),
            name: try row.optional("name") ?? "", className: try row.optional("class_name"),
            configName: try row.optional("config_name"), authenticatedUser: try row.optional("authenticated_user"),
            assumedRole: try row.optional("assumed_role"), authenticatedRoles: try row.optional("authenticated_roles"),
            queueName: try row.optional("queue_name"), executorID: try row.optional("executor_id"),
            applicationVersion: try row.optional("application_version"),
            applicationID: try row.optional("application_id"), applicationName: try row.optional("application_name"),
            recoveryAttempts: try row.optional("recovery_attempts"), priority: try row.optional("priority"),
            deduplicationID: try row.optional("deduplication_id"),
            queuePartitionKey: try row.optional("queue_partition_key"),
            timeoutMilliseconds: try row.optional("workflow_timeout_ms"),
            deadline: try date("workflow_deadline_epoch_ms"), forkedFrom: try row.optional("forked_from"),
            wasForkedFrom: try row.optional("was_forked_from"),
            parentWorkflowID: try row.optional("parent_workflow_id"),
            scheduleName: try row.optional("schedule_name"), attributes: try row.optional("attributes"),
            createdAt: try date("created_at") ?? Date(timeIntervalSince1970: 0),
            updatedAt: try date("updated_at") ?? Date(timeIntervalSince1970: 0),
            startedAt: try date("started_at_epoch_ms"), delayUntil: try date("delay_until_epoch_ms"),
            completedAt: try date("completed_at"), serialization: serialization, inputs: try payload("inputs"),
            output: try payload("output"), error: try payload("error"))
    }
}

extension Date {
    /// A date from DBOS's epoch milliseconds.
    init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000)
    }

    /// Epoch milliseconds (to the nearest one), as DBOS stores times.
    var epochMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }
}
