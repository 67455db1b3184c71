/// The `status` column of `dbos.workflow_status`. Values a future DBOS adds are kept verbatim in `.other`.
public enum DBOSWorkflowState: Sendable, Hashable, CustomStringConvertible {
    case pending, enqueued, delayed, success, error, cancelled, maxRecoveryAttemptsExceeded
    case other(String)

    /// Every value DBOS 3.4 writes, in lifecycle order.
    public static let known: [DBOSWorkflowState] = [
        .enqueued, .delayed, .pending, .success, .error, .cancelled, .maxRecoveryAttemptsExceeded,
    ]

    /// The state stored as `text`.
    public init(_ text: String) {
        self = Self.known.first { $0.description == text } ?? .other(text)
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

    /// Whether `cancel` and `resume` may change it: every state but SUCCESS and ERROR.
    public var isOperable: Bool { self != .success && self != .error }
}
