/// A DBOS workflow reader or operator request that cannot be done: no `dbos` schema, no such workflow, a
/// fork id already taken, or an argument out of range. Database failures are `PostgresError`s
/// (a statement that ran past the statement timeout has SQLSTATE 57014, a lock wait past it 55P03).
public struct DBOSWorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The database has no `dbos` schema (no DBOS application or MoltWorkflows engine has run there).
        case schemaMissing
        /// There is no workflow with this id.
        case notFound
        /// The new workflow id of a fork is taken.
        case idConflict
        /// An argument is out of range (a page size, a start step).
        case invalidArgument
    }

    public let code: Code
    /// The workflow the request named, if any.
    public let workflowID: String?
    /// What went wrong, for people.
    public let message: String

    public init(_ code: Code, workflowID: String? = nil, message: String) {
        self.code = code
        self.workflowID = workflowID
        self.message = message
    }

    public var description: String {
        workflowID.map { "workflow \($0): \(message)" } ?? message
    }
}
