/// The exit statuses every MoltNet executable uses.
public enum ExitCode: Int32, Sendable {
    /// Did what was asked.
    case success = 0
    /// Tried and failed (server down, permission denied, a check found problems).
    case failure = 1
    /// The command line was wrong; nothing was attempted.
    case usage = 2
}

/// A usage error: a bad flag, a missing argument, a value out of range. Exits with status 2.
public struct ValidationError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What is wrong, as a sentence the user can act on.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Thrown when the user asked for help: the text to print on stdout, then exit 0.
public struct HelpRequested: Error, Equatable, Sendable {
    /// The help text.
    public let text: String

    public init(text: String) {
        self.text = text
    }
}
