/// A value that must never be logged or printed: its description is always `<redacted>`.
///
/// Tokens, client secrets, private keys and passwords travel wrapped in `Secret` so string interpolation,
/// `print` and log metadata cannot leak them by accident. Read `value` only where the secret is used.
public struct Secret<Value: Sendable>: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself.
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}

extension Secret where Value == String {
    /// Compares with another secret string in constant time (for equal lengths), never with `==`.
    public func matches(_ candidate: String) -> Bool {
        Digest.constantTimeEqual(value, candidate)
    }
}
