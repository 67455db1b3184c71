import MoltPostgres

extension SystemDatabase {
    /// The first key of the per-queue advisory locks (`pg_advisory_xact_lock(int, int)`), "MOLT".
    static let queueLockClass: Int32 = 0x4D4F_4C54

    /// Claims this engine's PENDING workflows (from `executorIDs`) for recovery: `recovery_attempts + 1`,
    /// a new owner token, executor id set to this engine's. Only rows of this application version and
    /// application name (or unclaimed), of registered names, and not already running here are taken.
    func claimPending(executorIDs: [String], names: [String], excluding running: [String]) async throws
        -> [ClaimedWorkflow]
    {
        let now = Self.nowMilliseconds()
        let result = try await pool.query(
            """
            WITH claimed AS (
                UPDATE dbos.workflow_status
                SET recovery_attempts = recovery_attempts + 1, owner_xid = \(Self.newToken()), updated_at = \(now),
                    executor_id = \(configuration.executorID)
                WHERE status = 'PENDING' AND executor_id = ANY(\(executorIDs))
                    AND application_version = \(configuration.applicationVersion)
                    AND (application_name IS NULL OR application_name = \(configuration.applicationName))
                    AND name = ANY(\(names)) AND NOT (workflow_uuid = ANY(\(running)))
                RETURNING workflow_uuid, name, recovery_attempts, inputs, workflow_deadline_epoch_ms
            )
            SELECT c.workflow_uuid, c.name, c.recovery_attempts, COALESCE(wi.inputs, c.inputs) AS inputs,
                c.workflow_deadline_epoch_ms
            FROM claimed c LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = c.workflow_uuid
            ORDER BY c.workflow_uuid
            """)
        return try result.rows.map(ClaimedWorkflow.init(row:))
    }

    /// Moves still-PENDING workflows to `MAX_RECOVERY_ATTEMPTS_EXCEEDED` (the dead-letter status).
    func deadLetter(_ workflowIDs: [String]) async throws {
        guard !workflowIDs.isEmpty else { return }
        let now = Self.nowMilliseconds()
        try await pool.query(
            """
            UPDATE dbos.workflow_status
            SET status = 'MAX_RECOVERY_ATTEMPTS_EXCEEDED', queue_name = NULL, deduplication_id = NULL,
                started_at_epoch_ms = NULL, owner_xid = NULL, updated_at = \(now)
            WHERE workflow_uuid = ANY(\(workflowIDs)) AND status = 'PENDING'
            """)
    }

    /// Dequeues up to `limit` ENQUEUED workflows of `queue` in priority, then creation, order and marks them
    /// PENDING on this executor. With a global `concurrency`, the count of PENDING rows of the queue is
    /// subtracted under a per-queue transaction advisory lock, so concurrent dispatchers never exceed it.
    func dequeue(
        queue: WorkflowQueue, limit: Int, names: [String], excluding running: [String]
    ) async throws -> [ClaimedWorkflow] {
        guard limit > 0, !names.isEmpty else { return [] }
        let isInternal = queue.name == WorkflowQueue.internalQueueName
        let statement = { (now: Int64) -> SQL in
            """
            WITH picked AS (
                SELECT workflow_uuid FROM dbos.workflow_status
                WHERE queue_name = \(queue.name) AND status = 'ENQUEUED'
                    AND (application_version = \(configuration.applicationVersion)
                        OR (application_version IS NULL AND NOT \(isInternal)))
                    AND name = ANY(\(names)) AND NOT (workflow_uuid = ANY(\(running)))
                ORDER BY priority, created_at
                LIMIT GREATEST(0, LEAST(\(limit), \(queue.concurrency ?? Int(Int32.max)) - (
                    SELECT count(*) FROM dbos.workflow_status WHERE queue_name = \(queue.name) AND status = 'PENDING')))
                FOR UPDATE SKIP LOCKED
            )
            UPDATE dbos.workflow_status ws
            SET status = 'PENDING', executor_id = \(configuration.executorID),
                application_version = \(configuration.applicationVersion), started_at_epoch_ms = \(now),
                recovery_attempts = ws.recovery_attempts + 1, owner_xid = \(Self.newToken()), updated_at = \(now),
                workflow_deadline_epoch_ms = CASE
                    WHEN ws.workflow_timeout_ms IS NOT NULL AND ws.workflow_deadline_epoch_ms IS NULL
                    THEN \(now) + ws.workflow_timeout_ms ELSE ws.workflow_deadline_epoch_ms END
            FROM picked LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = picked.workflow_uuid
            WHERE ws.workflow_uuid = picked.workflow_uuid
            RETURNING ws.workflow_uuid, ws.name, ws.recovery_attempts, COALESCE(wi.inputs, ws.inputs) AS inputs,
                ws.workflow_deadline_epoch_ms
            """
        }
        guard queue.concurrency != nil else {
            return try await pool.query(statement(Self.nowMilliseconds())).rows.map(ClaimedWorkflow.init(row:))
        }
        return try await pool.withTransaction { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(Self.queueLockClass), hashtext(\(queue.name)))")
            return try await connection.query(statement(Self.nowMilliseconds())).rows.map(
                ClaimedWorkflow.init(row:))
        }
    }
}
