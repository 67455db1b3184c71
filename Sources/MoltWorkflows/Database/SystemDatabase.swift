import Foundation
import MoltCore
import MoltPostgres

/// The SQL the engine runs against the DBOS system tables, one method per statement.
///
/// Every write follows `dbos-schema.md` §4: `serialization = 'portable_json'`, epoch-millisecond times,
/// inputs in both `workflow_status.inputs` and `workflow_input`, outputs and errors in both
/// `workflow_status` and `workflow_output`. Statements are single round trips where the work allows
/// (CTEs instead of transactions), because the engine's throughput is its round trips.
struct SystemDatabase: Sendable {
    let pool: PostgresPool
    let configuration: WorkflowConfiguration

    static let portable = DBOSPayload.Serialization.portableJSON

    /// Milliseconds since the epoch, the unit of every DBOS timestamp.
    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func newToken() -> String {
        UUID().uuidString.lowercased()
    }
}

/// One recorded row of `operation_outputs`, as replay needs it.
struct RecordedOperation: Sendable, Equatable {
    let functionName: String
    let output: String?
    let error: String?
    let serialization: String?
    let childWorkflowID: String?

    init(row: PostgresRow) throws {
        functionName = try row.decode("function_name")
        output = try row.decode("output", as: String?.self)
        error = try row.decode("error", as: String?.self)
        serialization = try row.decode("serialization", as: String?.self)
        childWorkflowID = try row.decode("child_workflow_id", as: String?.self)
    }

    init(functionName: String, output: String?, error: String?) {
        self.functionName = functionName
        self.output = output
        self.error = error
        serialization = SystemDatabase.portable
        childWorkflowID = nil
    }
}

/// A workflow this engine claimed to run (recovered or dequeued), with what it needs to start.
struct ClaimedWorkflow: Sendable {
    let workflowID: String
    let name: String
    let recoveryAttempts: Int
    let inputs: String?
    let deadlineMilliseconds: Int64?

    init(row: PostgresRow) throws {
        workflowID = try row.decode("workflow_uuid")
        name = try row.decode("name")
        recoveryAttempts = try row.decode("recovery_attempts", as: Int?.self) ?? 0
        inputs = try row.decode("inputs", as: String?.self)
        deadlineMilliseconds = try row.decode("workflow_deadline_epoch_ms", as: Int64?.self)
    }
}
