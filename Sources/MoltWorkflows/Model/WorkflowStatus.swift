public import Foundation
public import MoltCore

/// One workflow's row in `dbos.workflow_status`, with its inputs, output and error decoded.
public struct WorkflowStatus: Sendable, Equatable {
    /// The status column's value. Unknown future values are kept verbatim.
    public enum State: Sendable, Hashable, CustomStringConvertible {
        case pending, enqueued, delayed, success, error, cancelled, maxRecoveryAttemptsExceeded
        case other(String)

        public init(_ text: String) {
            switch text {
            case "PENDING": self = .pending
            case "ENQUEUED": self = .enqueued
            case "DELAYED": self = .delayed
            case "SUCCESS": self = .success
            case "ERROR": self = .error
            case "CANCELLED": self = .cancelled
            case "MAX_RECOVERY_ATTEMPTS_EXCEEDED": self = .maxRecoveryAttemptsExceeded
            default: self = .other(text)
            }
        }

        /// The text stored in the table.
        public var description: String {
            switch self {
            case .pending: "PENDING"
            case .enqueued: "ENQUEUED"
            case .delayed: "DELAYED"
            case .success: "SUCCESS"
            case .error: "ERROR"
            case .cancelled: "CANCELLED"
            case .maxRecoveryAttemptsExceeded: "MAX_RECOVERY_ATTEMPTS_EXCEEDED"
            case .other(let text): text
            }
        }

        /// Whether the workflow will not run again unless resumed or forked.
        public var isTerminal: Bool {
            switch self {
            case .success, .error, .cancelled, .maxRecoveryAttemptsExceeded: true
            default: false
            }
        }
    }

    public var workflowID: String
    public var state: State
    public var name: String
    public var executorID: String?
    public var applicationVersion: String?
    public var applicationName: String?
    public var recoveryAttempts: Int
    public var queueName: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?
    public var timeoutMilliseconds: Int?
    public var deadline: Date?
    public var forkedFrom: String?
    public var serialization: String?
    /// Inputs as stored (`{"positionalArgs":[…],"namedArgs":{…}}` for portable_json).
    public var inputs: DBOSPayload?
    public var output: DBOSPayload?
    public var error: DBOSPayload?
}

/// One row of `dbos.operation_outputs`: a step or durable operation of a workflow, decoded.
public struct WorkflowStepRecord: Sendable, Equatable {
    /// 1-based position in the workflow's sequence of operations.
    public var functionID: Int
    /// The step's name, or DBOS's internal name (`DBOS.sleep`, `DBOS.recv`, `DBOS.send`, `DBOS.setEvent`…).
    public var functionName: String
    public var output: DBOSPayload?
    public var error: DBOSPayload?
    public var childWorkflowID: String?
    public var startedAt: Date?
    public var completedAt: Date?
}
