/// A failure on the client's side of a call: no credentials for an authenticated call, or a successful
/// response whose body is not what the operation returns.
///
/// `description` never contains the body; the decoding failure is in `debugDescription`.
public struct MoltClientError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// An authenticated call on a client created without credentials.
        case missingCredentials
        /// A 2xx response whose body does not decode as the expected type.
        case undecodableResponse(type: String, status: Int)
        /// A request body that could not be encoded.
        case unencodableRequest(type: String)
    }

    public let code: Code
    public let method: HTTPClientRequest.Method
    public let path: String
    let underlying: String

    public init(_ code: Code, method: HTTPClientRequest.Method, path: String, underlying: String = "") {
        self.code = code
        self.method = method
        self.path = path
        self.underlying = underlying
    }

    public var description: String {
        switch code {
        case .missingCredentials:
            "\(method) \(path) needs authentication, but the client has no credentials"
        case .undecodableResponse(let type, let status):
            "the response to \(method) \(path) (HTTP \(status)) is not a valid \(type)"
        case .unencodableRequest(let type):
            "the \(type) body of \(method) \(path) could not be encoded"
        }
    }

    public var debugDescription: String {
        underlying.isEmpty ? description : "\(description): \(underlying)"
    }
}
