import MoltPostgres

/// DBOS stores a nil topic as this string.
let nullTopic = "__null__topic__"

extension SystemDatabase {
    /// Inserts a message for `destination` (outside a workflow). `messageID` makes the send idempotent.
    func send(destination: String, topic: String?, message: String, messageID: String?) async throws {
        try await pool.query(
            """
            INSERT INTO dbos.notifications (message_uuid, destination_uuid, topic, message, serialization)
            VALUES (COALESCE(\(messageID), gen_random_uuid()::text), \(destination), \(topic ?? nullTopic),
                \(message), \(Self.portable))
            ON CONFLICT (message_uuid) DO NOTHING
            """)
    }

    /// Inserts a message and records the sender's `DBOS.send` operation, in one statement.
    func send(
        from operation: OperationRecord, destination: String, topic: String?, message: String
    ) async throws {
        let messageID = "\(operation.workflowID)::\(operation.functionID)::send"
        try await pool.query(
            """
            WITH message AS (
                INSERT INTO dbos.notifications (message_uuid, destination_uuid, topic, message, serialization)
                VALUES (\(messageID), \(destination), \(topic ?? nullTopic), \(message), \(Self.portable))
                ON CONFLICT (message_uuid) DO NOTHING
            )
            INSERT INTO dbos.operation_outputs (
                workflow_uuid, function_id, function_name, serialization, started_at_epoch_ms, completed_at_epoch_ms,
                application_name)
            VALUES (
                \(operation.workflowID), \(Int32(operation.functionID)), 'DBOS.send', \(Self.portable),
                \(operation.startedAt), \(operation.completedAt), \(configuration.applicationName))
            ON CONFLICT (workflow_uuid, function_id) DO NOTHING
            """)
    }

    /// Consumes the oldest unconsumed message for (workflow, topic) and records it as the `DBOS.recv`
    /// operation, in one statement. Returns the message text, or nil when there is none yet.
    func consumeMessage(_ operation: OperationRecord, topic: String?) async throws -> String?? {
        let result = try await pool.query(
            """
            WITH message AS (
                UPDATE dbos.notifications SET consumed = true, consumed_by_function_id = \(Int32(operation.functionID))
                WHERE message_uuid = (
                    SELECT message_uuid FROM dbos.notifications
                    WHERE destination_uuid = \(operation.workflowID) AND topic = \(topic ?? nullTopic)
                        AND consumed = false
                    ORDER BY created_at_epoch_ms, message_uuid LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING message
            ), recorded AS (
                INSERT INTO dbos.operation_outputs (
                    workflow_uuid, function_id, function_name, output, serialization, started_at_epoch_ms,
                    completed_at_epoch_ms, application_name)
                SELECT \(operation.workflowID), \(Int32(operation.functionID)), 'DBOS.recv', message,
                    \(Self.portable), \(operation.startedAt), \(SystemDatabase.nowMilliseconds()),
                    \(configuration.applicationName)
                FROM message
                ON CONFLICT (workflow_uuid, function_id) DO NOTHING
            )
            SELECT message FROM message
            """)
        guard let row = result.first else { return nil }
        return .some(try row.decode("message", as: String?.self))
    }

    /// Upserts the event, appends it to the history, records `DBOS.setEvent` and notifies waiters.
    func setEvent(_ operation: OperationRecord, key: String, value: String) async throws {
        try await pool.query(
            """
            WITH event AS (
                INSERT INTO dbos.workflow_events (workflow_uuid, key, value, serialization)
                VALUES (\(operation.workflowID), \(key), \(value), \(Self.portable))
                ON CONFLICT (workflow_uuid, key)
                DO UPDATE SET value = EXCLUDED.value, serialization = EXCLUDED.serialization
            ), history AS (
                INSERT INTO dbos.workflow_events_history (workflow_uuid, function_id, key, value, serialization)
                VALUES (\(operation.workflowID), \(Int32(operation.functionID)), \(key), \(value), \(Self.portable))
                ON CONFLICT (workflow_uuid, function_id, key) DO NOTHING
            ), recorded AS (
                INSERT INTO dbos.operation_outputs (
                    workflow_uuid, function_id, function_name, serialization, started_at_epoch_ms,
                    completed_at_epoch_ms, application_name)
                VALUES (
                    \(operation.workflowID), \(Int32(operation.functionID)), 'DBOS.setEvent', \(Self.portable),
                    \(operation.startedAt), \(operation.completedAt), \(configuration.applicationName))
                ON CONFLICT (workflow_uuid, function_id) DO NOTHING
            )
            SELECT pg_notify('dbos_workflow_events_channel', \(operation.workflowID)::text || '::' || \(key)::text)
            """)
    }

    /// The latest value of an event, nil while it is unset.
    func event(_ workflowID: String, key: String) async throws -> String? {
        let result = try await pool.query(
            "SELECT value FROM dbos.workflow_events WHERE workflow_uuid = \(workflowID) AND key = \(key)")
        return try result.first?.decode("value", as: String.self)
    }
}
