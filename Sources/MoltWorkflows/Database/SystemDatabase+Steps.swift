import MoltPostgres

/// A finished operation to record in `operation_outputs`.
struct OperationRecord: Sendable {
    let workflowID: String
    let functionID: Int
    let functionName: String
    let output: String?
    let error: String?
    let startedAt: Int64
    let completedAt: Int64
}

extension SystemDatabase {
    /// Every recorded operation of the given workflows, by workflow and function id (one round trip for a
    /// whole recovery batch).
    func recordedOperations(_ workflowIDs: [String]) async throws -> [String: [Int: RecordedOperation]] {
        guard !workflowIDs.isEmpty else { return [:] }
        let result = try await pool.query(
            """
            SELECT workflow_uuid, function_id, function_name, output, error, serialization, child_workflow_id
            FROM dbos.operation_outputs WHERE workflow_uuid = ANY(\(workflowIDs))
            """)
        var operations: [String: [Int: RecordedOperation]] = [:]
        for row in result.rows {
            let workflowID = try row.decode("workflow_uuid", as: String.self)
            operations[workflowID, default: [:]][try row.decode("function_id", as: Int.self)] = try RecordedOperation(
                row: row)
        }
        return operations
    }

    /// Records an operation once. When another execution recorded this function id first, returns that
    /// record instead, so every execution continues with the same value.
    func record(_ operation: OperationRecord) async throws -> RecordedOperation {
        let result = try await pool.query(
            """
            INSERT INTO dbos.operation_outputs (
                workflow_uuid, function_id, function_name, output, error, serialization, started_at_epoch_ms,
                completed_at_epoch_ms, application_name)
            VALUES (
                \(operation.workflowID), \(Int32(operation.functionID)), \(operation.functionName), \(operation.output),
                \(operation.error), \(Self.portable), \(operation.startedAt), \(operation.completedAt),
                \(configuration.applicationName))
            ON CONFLICT (workflow_uuid, function_id) DO NOTHING
            RETURNING function_id
            """)
        let mine = RecordedOperation(
            functionName: operation.functionName, output: operation.output, error: operation.error)
        guard result.rows.isEmpty else { return mine }
        let existing = try await pool.query(
            """
            SELECT function_name, output, error, serialization, child_workflow_id FROM dbos.operation_outputs
            WHERE workflow_uuid = \(operation.workflowID) AND function_id = \(Int32(operation.functionID))
            """)
        return try existing.first.map(RecordedOperation.init(row:)) ?? mine
    }
}
