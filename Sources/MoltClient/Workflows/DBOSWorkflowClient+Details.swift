import Foundation
import MoltCore
import MoltPostgres

extension DBOSWorkflowClient {
    /// A workflow's recorded operations in order (`dbos workflow steps`), with durations where both times
    /// are recorded; empty for an unknown workflow.
    public func steps(of workflowID: String) async throws -> [WorkflowStep] {
        try await session(readOnly: true) { connection, layout in
            let columns = Self.stepColumns.filter { layout.has("operation_outputs", $0.name) }.map(\.sql)
            let result = try await connection.query(
                """
                SELECT \(SQL.joined(columns, separator: ", ")) FROM dbos.operation_outputs
                WHERE workflow_uuid = \(workflowID) ORDER BY function_id
                """)
            return try result.rows.map { row in
                let serialization: String? = try row.optional("serialization")
                return WorkflowStep(
                    functionID: try row.decode("function_id"), functionName: try row.optional("function_name") ?? "",
                    output: DBOSPayload.decode(try row.optional("output"), serialization: serialization),
                    error: DBOSPayload.decode(try row.optional("error"), serialization: serialization),
                    childWorkflowID: try row.optional("child_workflow_id"),
                    startedAt: try row.optional("started_at_epoch_ms", as: Int64.self).map(
                        Date.init(epochMilliseconds:)),
                    completedAt: try row.optional("completed_at_epoch_ms", as: Int64.self)
                        .map(Date.init(epochMilliseconds:)),
                    serialization: serialization)
            }
        }
    }

    /// A workflow's events: the latest value of each key and, where the schema keeps it, every value set.
    public func events(of workflowID: String) async throws -> WorkflowEvents {
        try await session(readOnly: true) { connection, layout in
            var latest: [WorkflowEvents.Event] = []
            if layout.has("workflow_events") {
                let serialization: SQL =
                    layout.has("workflow_events", "serialization") ? ", serialization" : ", NULL AS serialization"
                let rows = try await connection.query(
                    """
                    SELECT key, value\(serialization) FROM dbos.workflow_events
                    WHERE workflow_uuid = \(workflowID) ORDER BY key
                    """
                ).rows
                latest = try rows.map { try Self.event($0, functionID: nil) }
            }
            let historyAvailable = layout.has("workflow_events_history")
            var history: [WorkflowEvents.Event] = []
            if historyAvailable {
                let serialization: SQL =
                    layout.has("workflow_events_history", "serialization")
                    ? ", serialization" : ", NULL AS serialization"
                let rows = try await connection.query(
                    """
                    SELECT function_id, key, value\(serialization) FROM dbos.workflow_events_history
                    WHERE workflow_uuid = \(workflowID) ORDER BY function_id, key
                    """
                ).rows
                history = try rows.map { try Self.event($0, functionID: try $0.decode("function_id")) }
            }
            return WorkflowEvents(latest: latest, history: history, historyAvailable: historyAvailable)
        }
    }

    /// The messages sent to a workflow, oldest first, received or not (schemas without `consumed` delete
    /// received messages, so only waiting ones are left there).
    public func notifications(of workflowID: String) async throws -> [WorkflowNotification] {
        try await session(readOnly: true) { connection, layout in
            guard layout.has("notifications") else { return [] }
            let columns = Self.notificationColumns.filter { layout.has("notifications", $0.name) }.map(\.sql)
            let order: SQL =
                layout.has("notifications", "created_at_epoch_ms")
                ? "created_at_epoch_ms, message_uuid" : "message_uuid"
            let rows = try await connection.query(
                """
                SELECT \(SQL.joined(columns, separator: ", ")) FROM dbos.notifications
                WHERE destination_uuid = \(workflowID) ORDER BY \(order)
                """
            ).rows
            return try rows.map { row in
                let topic: String? = try row.optional("topic")
                return WorkflowNotification(
                    messageID: try row.decode("message_uuid"), topic: topic == Self.nullTopic ? nil : topic,
                    message: DBOSPayload.decode(
                        try row.optional("message"), serialization: try row.optional("serialization")),
                    createdAt: try row.optional("created_at_epoch_ms", as: Int64.self).map(
                        Date.init(epochMilliseconds:)),
                    consumed: try row.optional("consumed"),
                    consumedByFunctionID: try row.optional("consumed_by_function_id"))
            }
        }
    }

    /// How DBOS stores the default (nil) topic.
    static let nullTopic = "__null__topic__"

    private static func event(_ row: PostgresRow, functionID: Int?) throws -> WorkflowEvents.Event {
        WorkflowEvents.Event(
            key: try row.decode("key"),
            value: DBOSPayload.decode(try row.optional("value"), serialization: try row.optional("serialization")),
            functionID: functionID)
    }

    static let stepColumns: [OptionalColumn] = [
        OptionalColumn("function_id", "function_id"), OptionalColumn("function_name", "function_name"),
        OptionalColumn("output", "output"), OptionalColumn("error", "error"),
        OptionalColumn("child_workflow_id", "child_workflow_id"),
        OptionalColumn("started_at_epoch_ms", "started_at_epoch_ms"),
        OptionalColumn("completed_at_epoch_ms", "completed_at_epoch_ms"),
        OptionalColumn("serialization", "serialization"),
    ]

    static let notificationColumns: [OptionalColumn] = [
        OptionalColumn("message_uuid", "message_uuid"), OptionalColumn("topic", "topic"),
        OptionalColumn("message", "message"), OptionalColumn("serialization", "serialization"),
        OptionalColumn("created_at_epoch_ms", "created_at_epoch_ms"), OptionalColumn("consumed", "consumed"),
        OptionalColumn("consumed_by_function_id", "consumed_by_function_id"),
    ]
}
