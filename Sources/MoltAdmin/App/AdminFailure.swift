/// A failure to report as `error: <message>` with exit status 1: the message says what went wrong and, where
/// possible, what to do about it. Never holds a secret.
struct AdminFailure: Error, CustomStringConvertible, Sendable {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
