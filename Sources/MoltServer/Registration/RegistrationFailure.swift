import MoltCore
import MoltWorkflows

/// Why a registration stopped, recorded in the workflow's error row as a problem code so the HTTP handler
/// (possibly in another process, after a restart) can answer with the right problem.
struct RegistrationFailure: Error, PortableErrorConvertible, CustomStringConvertible {
    let code: ProblemCode
    let message: String

    var portableError: DBOSErrorPayload {
        DBOSErrorPayload(name: "RegistrationFailure", message: message, code: .string(code.rawValue))
    }

    var description: String { "\(code.rawValue): \(message)" }

    /// The problem a recorded failure stands for; anything unrecognised is an upstream error.
    static func problem(from failure: WorkflowFailure) -> ProblemDetails {
        let code = failure.payload.code?.stringValue.map(ProblemCode.init(rawValue:))
        switch code {
        case .registrationFailed?: return ProblemDetails(.registrationFailed, detail: failure.payload.message)
        case .conflict?: return ProblemDetails(.conflict, detail: failure.payload.message)
        default: return ProblemDetails(.upstreamError)
        }
    }
}
