import MoltPostgres

/// What inserting a workflow row found.
enum WorkflowInsertion: Sendable, Equatable {
    /// The row is new: this call owns the first execution.
    case inserted
    /// A row with this id already exists, with this name and status.
    case existing(name: String, status: String)
}

/// The new row's settings.
struct NewWorkflow: Sendable {
    let workflowID: String
    let name: String
    let inputs: String
    let queueName: String?
    let timeoutMilliseconds: Int64?
    /// Epoch ms; only for direct starts (a queued workflow's deadline starts when it is dequeued).
    let deadlineMilliseconds: Int64?
    let priority: Int
    let deduplicationID: String?
}

extension SystemDatabase {
    /// Inserts PENDING (direct start, `recovery_attempts` 1) or ENQUEUED (queue, 0) with its inputs, unless
    /// the id exists. One statement: the row and its `workflow_input` row are written together.
    func insertWorkflow(_ workflow: NewWorkflow) async throws -> WorkflowInsertion {
        let now = Self.nowMilliseconds()
        let queued = workflow.queueName != nil
        let status = queued ? "ENQUEUED" : "PENDING"
        let deadline = queued ? nil : workflow.deadlineMilliseconds
        let token = Self.newToken()
        let result = try await pool.query(
            """
            WITH inserted AS (
                INSERT INTO dbos.workflow_status (
                    workflow_uuid, status, name, inputs, serialization, executor_id, application_version,
                    application_name, recovery_attempts, created_at, updated_at, queue_name, workflow_timeout_ms,
                    workflow_deadline_epoch_ms, priority, deduplication_id, owner_xid, creator_xid)
                VALUES (
                    \(workflow.workflowID), \(status), \(workflow.name), \(workflow.inputs), \(Self.portable),
                    \(queued ? nil : configuration.executorID), \(configuration.applicationVersion),
                    \(configuration.applicationName), \(queued ? 0 : 1), \(now), \(now), \(workflow.queueName),
                    \(workflow.timeoutMilliseconds), \(deadline), \(workflow.priority), \(workflow.deduplicationID),
                    \(queued ? nil : token), \(token))
                ON CONFLICT (workflow_uuid) DO NOTHING
                RETURNING workflow_uuid
            ), input AS (
                INSERT INTO dbos.workflow_input (workflow_uuid, inputs, retention_timestamp)
                SELECT workflow_uuid, \(workflow.inputs), \(now) FROM inserted
                ON CONFLICT (workflow_uuid) DO NOTHING
            )
            SELECT (SELECT count(*) FROM inserted) AS inserted,
                (SELECT name FROM dbos.workflow_status WHERE workflow_uuid = \(workflow.workflowID)) AS name,
                (SELECT status FROM dbos.workflow_status WHERE workflow_uuid = \(workflow.workflowID)) AS status
            """)
        guard let row = result.first, try row.decode("inserted", as: Int.self) == 0 else { return .inserted }
        if let name = try row.decode("name", as: String?.self), let status = try row.decode("status", as: String?.self)
        {
            return .existing(name: name, status: status)
        }
        // Inserted concurrently by another session after this statement's snapshot: read it now.
        let existing = try await pool.query(
            "SELECT name, status FROM dbos.workflow_status WHERE workflow_uuid = \(workflow.workflowID)")
        guard let row = existing.first else { return .inserted }
        return .existing(name: try row.decode("name"), status: try row.decode("status"))
    }

    /// Writes SUCCESS or ERROR, unless the row left PENDING meanwhile (cancelled). Returns whether it wrote.
    @discardableResult
    func finishWorkflow(_ workflowID: String, output: String?, error: String?) async throws -> Bool {
        let now = Self.nowMilliseconds()
        let status = error == nil ? "SUCCESS" : "ERROR"
        let result = try await pool.query(
            """
            WITH done AS (
                UPDATE dbos.workflow_status
                SET status = \(status), output = \(output), error = \(error), updated_at = \(now),
                    completed_at = \(now), deduplication_id = NULL, owner_xid = NULL
                WHERE workflow_uuid = \(workflowID) AND status = 'PENDING'
                RETURNING workflow_uuid
            )
            INSERT INTO dbos.workflow_output (workflow_uuid, output, error, retention_timestamp)
            SELECT workflow_uuid, \(output), \(error), \(now) FROM done
            ON CONFLICT (workflow_uuid) DO UPDATE SET output = EXCLUDED.output, error = EXCLUDED.error
            RETURNING workflow_uuid
            """)
        return result.affectedRows > 0
    }

    /// The row's status, nil when there is no such workflow.
    func workflowState(_ workflowID: String) async throws -> String? {
        let result = try await pool.query(
            "SELECT status FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)")
        return try result.first?.decode("status", as: String?.self)
    }

    /// Status, output and error of a workflow, for awaiting its result.
    func workflowOutcome(_ workflowID: String) async throws -> (status: String, output: String?, error: String?)? {
        let result = try await pool.query(
            """
            SELECT ws.status, COALESCE(wo.output, ws.output) AS output, COALESCE(wo.error, ws.error) AS error
            FROM dbos.workflow_status ws LEFT JOIN dbos.workflow_output wo ON wo.workflow_uuid = ws.workflow_uuid
            WHERE ws.workflow_uuid = \(workflowID)
            """)
        guard let row = result.first else { return nil }
        return (
            try row.decode("status"), try row.decode("output", as: String?.self),
            try row.decode("error", as: String?.self)
        )
    }
}
