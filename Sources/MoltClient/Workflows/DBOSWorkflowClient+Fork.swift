import Foundation
import MoltCore
import MoltPostgres

extension DBOSWorkflowClient {
    /// Starts a copy of a workflow that replays the operations before `startStep` and runs the rest anew,
    /// as `dbos workflow fork` does: a new ENQUEUED row on `_dbos_internal_queue` with the original's name,
    /// inputs, class, auth, attributes and `forked_from`; the operations (and event history and streams)
    /// before `startStep` copied; the original marked `was_forked_from`.
    /// - Parameters:
    ///   - startStep: The first `function_id` to run again (1, the default, re-runs everything).
    ///   - newWorkflowID: The copy's id; a random UUID when nil.
    ///   - applicationVersion: The copy's application version; nil keeps the original's, so the executor
    ///     version that ran it runs the copy (the DBOS CLI writes NULL unless given `-v`).
    /// - Returns: The copy's id.
    /// - Throws: ``DBOSWorkflowError`` `.notFound`, `.idConflict` (the new id exists), `.invalidArgument`.
    public func fork(
        _ workflowID: String, startStep: Int = 1, newWorkflowID: String? = nil, applicationVersion: String? = nil
    ) async throws -> String {
        guard startStep >= 1 else {
            throw DBOSWorkflowError(
                .invalidArgument, workflowID: workflowID, message: "the start step must be 1 or more")
        }
        let newID = newWorkflowID ?? UUID().uuidString.lowercased()
        return try await session(readOnly: false) { connection, layout in
            do {
                guard
                    try await Self.insertCopy(
                        of: workflowID, as: newID, version: applicationVersion, connection, layout)
                else { throw DBOSWorkflowError(.notFound, workflowID: workflowID, message: "no such workflow") }
            } catch let error as PostgresError where error.isUniqueViolation {
                throw DBOSWorkflowError(.idConflict, workflowID: newID, message: "a workflow with this id exists")
            }
            if startStep > 1 {
                try await Self.copyOperations(from: workflowID, to: newID, before: Int32(startStep), connection, layout)
            }
            if layout.has("workflow_status", "was_forked_from") {
                try await connection.query(
                    "UPDATE dbos.workflow_status SET was_forked_from = true WHERE workflow_uuid = \(workflowID)")
            }
            return newID
        }
    }

    private static func insertCopy(
        of workflowID: String, as newID: String, version: String?, _ connection: PostgresConnection,
        _ layout: DBOSSchemaLayout
    ) async throws -> Bool {
        let now = Date().epochMilliseconds
        var targets: [SQL] = [
            "workflow_uuid", "status", "application_version", "queue_name", "created_at", "updated_at",
        ]
        var values: [SQL] = [
            "\(newID)", "'ENQUEUED'", "COALESCE(\(version), ws.application_version)", "\(internalQueue)", "\(now)",
            "\(now)",
        ]
        for (column, target, source) in copiedColumns where layout.has("workflow_status", column) {
            targets.append(target)
            values.append(source)
        }
        let settings: [(String, SQL, SQL)] = [
            ("forked_from", "forked_from", "\(workflowID)"), ("recovery_attempts", "recovery_attempts", "0"),
            ("priority", "priority", "0"), ("creator_xid", "creator_xid", "\(UUID().uuidString.lowercased())"),
        ]
        for (column, target, value) in settings where layout.has("workflow_status", column) {
            targets.append(target)
            values.append(value)
        }
        let hasInputTable = layout.has("workflow_input", "inputs")
        if layout.has("workflow_status", "inputs") {
            targets.append("inputs")
            values.append(hasInputTable ? "COALESCE(wi.inputs, ws.inputs)" : "ws.inputs")
        }
        let join: SQL =
            hasInputTable ? " LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = ws.workflow_uuid" : ""
        let inserted = try await connection.query(
            """
            INSERT INTO dbos.workflow_status (\(SQL.joined(targets, separator: ", ")))
            SELECT \(SQL.joined(values, separator: ", ")) FROM dbos.workflow_status ws\(join)
            WHERE ws.workflow_uuid = \(workflowID)
            """)
        guard inserted.affectedRows == 1 else { return false }
        if hasInputTable {
            try await connection.query(
                """
                INSERT INTO dbos.workflow_input (workflow_uuid, inputs)
                SELECT \(newID), COALESCE(wi.inputs\(layout.has("workflow_status", "inputs") ? ", ws.inputs" : "" as SQL))
                FROM dbos.workflow_status ws LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = ws.workflow_uuid
                WHERE ws.workflow_uuid = \(workflowID)
                """)
        }
        return true
    }

    private static func copyOperations(
        from workflowID: String, to newID: String, before step: Int32, _ connection: PostgresConnection,
        _ layout: DBOSSchemaLayout
    ) async throws {
        let operationColumns = SQL.joined(
            stepCopyColumns.filter { layout.has("operation_outputs", $0.name) }.map(\.sql), separator: ", ")
        try await connection.query(
            """
            INSERT INTO dbos.operation_outputs (workflow_uuid, \(operationColumns))
            SELECT \(newID), \(operationColumns) FROM dbos.operation_outputs
            WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
            """)
        let eventSerialization: SQL = layout.has("workflow_events_history", "serialization") ? ", serialization" : ""
        if layout.has("workflow_events_history") {
            try await connection.query(
                """
                INSERT INTO dbos.workflow_events_history (workflow_uuid, function_id, key, value\(eventSerialization))
                SELECT \(newID), function_id, key, value\(eventSerialization) FROM dbos.workflow_events_history
                WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
                """)
            if layout.has("workflow_events") {
                try await connection.query(
                    """
                    INSERT INTO dbos.workflow_events (workflow_uuid, key, value\(eventSerialization))
                    SELECT DISTINCT ON (key) \(newID), key, value\(eventSerialization) FROM dbos.workflow_events_history
                    WHERE workflow_uuid = \(workflowID) AND function_id < \(step) ORDER BY key, function_id DESC
                    """)
            }
        }
        if layout.has("streams", "function_id") {
            let streamSerialization: SQL = layout.has("streams", "serialization") ? ", serialization" : ""
            try await connection.query(
                """
                INSERT INTO dbos.streams (workflow_uuid, key, value, "offset", function_id\(streamSerialization))
                SELECT \(newID), key, value, "offset", function_id\(streamSerialization) FROM dbos.streams
                WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
                """)
        }
    }

    /// Columns copied from the original: (column, target, source).
    private static let copiedColumns: [(String, SQL, SQL)] = [
        ("name", "name", "ws.name"), ("class_name", "class_name", "ws.class_name"),
        ("config_name", "config_name", "ws.config_name"), ("application_id", "application_id", "ws.application_id"),
        ("authenticated_user", "authenticated_user", "ws.authenticated_user"),
        ("authenticated_roles", "authenticated_roles", "ws.authenticated_roles"),
        ("assumed_role", "assumed_role", "ws.assumed_role"), ("serialization", "serialization", "ws.serialization"),
        ("attributes", "attributes", "ws.attributes"), ("application_name", "application_name", "ws.application_name"),
        ("workflow_timeout_ms", "workflow_timeout_ms", "ws.workflow_timeout_ms"),
    ]

    /// `operation_outputs` columns copied to the fork, when present.
    private static let stepCopyColumns: [OptionalColumn] = [
        OptionalColumn("function_id", "function_id"), OptionalColumn("function_name", "function_name"),
        OptionalColumn("output", "output"), OptionalColumn("error", "error"),
        OptionalColumn("child_workflow_id", "child_workflow_id"),
        OptionalColumn("started_at_epoch_ms", "started_at_epoch_ms"),
        OptionalColumn("completed_at_epoch_ms", "completed_at_epoch_ms"),
        OptionalColumn("serialization", "serialization"), OptionalColumn("application_name", "application_name"),
    ]
}
