/// A failure of the workflow engine itself: what kind, and which workflow.
///
/// A workflow's own failure (its body or a step threw) is a `WorkflowFailure` instead, carrying the
/// portable error that was recorded.
public struct WorkflowError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// No workflow is registered under this name.
        case notRegistered
        /// No workflow has this id.
        case notFound
        /// The id is taken by a workflow with another name.
        case idConflict
        /// The workflow was cancelled (by `cancel`, the DBOS CLI, or its timeout).
        case cancelled
        /// The workflow exceeded its recovery attempts and was dead-lettered.
        case maxRecoveryAttemptsExceeded
        /// On replay, a recorded operation has another name than the one the code now runs.
        case nondeterministic
        /// The engine is not running (never started, or shut down).
        case notRunning
        /// The `dbos` schema exists but is older than the version this engine needs.
        case incompatibleSchema
        /// A payload could not be encoded or decoded as the requested type.
        case serialization
    }

    public let code: Code
    /// The workflow concerned, when there is one.
    public let workflowID: String?
    /// A short explanation without payload values.
    public let message: String

    public init(_ code: Code, workflowID: String? = nil, message: String) {
        self.code = code
        self.workflowID = workflowID
        self.message = message
    }

    public var description: String {
        "WorkflowError.\(code)" + (workflowID.map { " [\($0)]" } ?? "") + ": \(message)"
    }
}
