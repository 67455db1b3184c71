public import MoltCore

/// A workflow's or step's error as recorded in `portable_json`: thrown by `getResult` for a workflow that
/// ended in ERROR, and by a step (first run and replay alike) whose body failed after its retries.
///
/// Throwing the recorded form on the first run too keeps workflow code deterministic: the code sees the
/// same error whether the step ran now or is being replayed after a crash.
public struct WorkflowFailure: Error, CustomStringConvertible, Sendable, Equatable {
    /// The recorded error: name, message, and optional code and data.
    public let payload: DBOSErrorPayload

    public init(_ payload: DBOSErrorPayload) {
        self.payload = payload
    }

    /// Converts any error: a `PortableErrorConvertible` gives its own payload, a `WorkflowFailure` passes
    /// through, anything else becomes its type name and description.
    public init(converting error: any Error) {
        switch error {
        case let failure as WorkflowFailure: self = failure
        case let convertible as any PortableErrorConvertible: self.init(convertible.portableError)
        default: self.init(DBOSErrorPayload(name: String(describing: type(of: error)), message: "\(error)"))
        }
    }

    public var name: String { payload.name }
    public var message: String { payload.message }
    public var description: String { "\(payload.name): \(payload.message)" }
}

/// An error that chooses how it is recorded in the DBOS tables (name, message, code, data).
///
/// Without it, an error is recorded as its type name and `description`, so its description must not carry
/// secrets.
public protocol PortableErrorConvertible: Error {
    var portableError: DBOSErrorPayload { get }
}
