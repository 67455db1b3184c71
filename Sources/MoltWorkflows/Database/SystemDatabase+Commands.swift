import MoltPostgres

extension SystemDatabase {
    /// Sets CANCELLED unless the workflow already finished (as `dbos workflow cancel` does). Returns the
    /// status the workflow has afterwards, nil when there is no such workflow.
    func cancel(_ workflowID: String) async throws -> String? {
        let now = Self.nowMilliseconds()
        let result = try await pool.query(
            """
            UPDATE dbos.workflow_status
            SET status = 'CANCELLED', queue_name = NULL, deduplication_id = NULL, started_at_epoch_ms = NULL,
                owner_xid = NULL, completed_at = \(now), updated_at = \(now)
            WHERE workflow_uuid = \(workflowID) AND status NOT IN ('SUCCESS', 'ERROR')
            RETURNING status
            """)
        if let row = result.first { return try row.decode("status") }
        return try await workflowState(workflowID)
    }

    /// Re-enqueues a workflow that did not finish (any status but SUCCESS/ERROR) on `queue`, with its
    /// recovery attempts, deadline, deduplication id and times reset (as `dbos workflow resume` does).
    /// Returns whether a row changed.
    func resume(_ workflowID: String, queue: String) async throws -> Bool {
        let now = Self.nowMilliseconds()
        let result = try await pool.query(
            """
            UPDATE dbos.workflow_status
            SET status = 'ENQUEUED', queue_name = \(queue), recovery_attempts = 0,
                workflow_deadline_epoch_ms = NULL, deduplication_id = NULL, started_at_epoch_ms = NULL,
                completed_at = NULL, owner_xid = NULL, updated_at = \(now)
            WHERE workflow_uuid = \(workflowID) AND status NOT IN ('SUCCESS', 'ERROR')
            """)
        return result.affectedRows > 0
    }

    /// Copies a workflow into a new ENQUEUED one on the internal queue, with the operations (and event
    /// history and streams) before `startStep` copied so they replay, as `dbos workflow fork` does.
    func fork(_ workflowID: String, newID: String, startStep: Int, applicationVersion: String) async throws -> Bool {
        let now = Self.nowMilliseconds()
        let step = Int32(startStep)
        return try await pool.withTransaction { connection in
            let inserted = try await connection.query(
                """
                INSERT INTO dbos.workflow_status (
                    workflow_uuid, status, name, class_name, config_name, application_version, application_id,
                    authenticated_user, authenticated_roles, assumed_role, queue_name, inputs, serialization,
                    forked_from, attributes, application_name, workflow_timeout_ms, created_at, updated_at,
                    recovery_attempts, priority, creator_xid)
                SELECT \(newID), 'ENQUEUED', ws.name, ws.class_name, ws.config_name, \(applicationVersion),
                    ws.application_id, ws.authenticated_user, ws.authenticated_roles, ws.assumed_role,
                    \(WorkflowQueue.internalQueueName), COALESCE(wi.inputs, ws.inputs), ws.serialization,
                    ws.workflow_uuid, ws.attributes, ws.application_name, ws.workflow_timeout_ms, \(now), \(now), 0,
                    0, \(Self.newToken())
                FROM dbos.workflow_status ws LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = ws.workflow_uuid
                WHERE ws.workflow_uuid = \(workflowID)
                RETURNING inputs
                """)
            guard let row = inserted.first else { return false }
            try await connection.query(
                """
                INSERT INTO dbos.workflow_input (workflow_uuid, inputs, retention_timestamp)
                VALUES (\(newID), \(try row.decode("inputs", as: String?.self)), \(now))
                """)
            try await connection.query(
                """
                INSERT INTO dbos.operation_outputs (
                    workflow_uuid, function_id, function_name, output, error, child_workflow_id,
                    started_at_epoch_ms, completed_at_epoch_ms, serialization, application_name)
                SELECT \(newID), function_id, function_name, output, error, child_workflow_id,
                    started_at_epoch_ms, completed_at_epoch_ms, serialization, application_name
                FROM dbos.operation_outputs WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
                """)
            try await connection.query(
                """
                INSERT INTO dbos.workflow_events_history (workflow_uuid, function_id, key, value, serialization)
                SELECT \(newID), function_id, key, value, serialization FROM dbos.workflow_events_history
                WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
                """)
            try await connection.query(
                """
                INSERT INTO dbos.workflow_events (workflow_uuid, key, value, serialization)
                SELECT DISTINCT ON (key) \(newID), key, value, serialization FROM dbos.workflow_events_history
                WHERE workflow_uuid = \(workflowID) AND function_id < \(step) ORDER BY key, function_id DESC
                """)
            try await connection.query(
                """
                INSERT INTO dbos.streams (workflow_uuid, key, value, "offset", function_id, serialization)
                SELECT \(newID), key, value, "offset", function_id, serialization FROM dbos.streams
                WHERE workflow_uuid = \(workflowID) AND function_id < \(step)
                """)
            try await connection.query(
                "UPDATE dbos.workflow_status SET was_forked_from = true WHERE workflow_uuid = \(workflowID)")
            return true
        }
    }
}
