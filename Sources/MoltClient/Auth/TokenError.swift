/// The token endpoint refused to issue a token, or answered with something that is not one.
///
/// Carries the HTTP status and the OAuth2 error (`invalid_client`) or problem slug with its description as
/// the server sent them; never the client secret or a token.
public struct TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The server answered with a non-200 status.
        case rejected
        /// A 200 whose body is not a token response.
        case invalidResponse
        /// A 200 whose `access_token` is empty.
        case emptyToken
    }

    public let code: Code
    /// The HTTP status of the token response.
    public let status: Int
    /// The OAuth2 `error` (`invalid_client`, `unsupported_grant_type`) or the problem's type slug.
    public let error: String?
    /// The OAuth2 `error_description` or the problem's detail.
    public let errorDescription: String?

    public init(_ code: Code, status: Int, error: String? = nil, errorDescription: String? = nil) {
        self.code = code
        self.status = status
        self.error = error
        self.errorDescription = errorDescription
    }

    public var description: String {
        switch code {
        case .rejected:
            let reason = [error, errorDescription].compactMap { $0 }.joined(separator: ": ")
            return "token request failed (HTTP \(status))" + (reason.isEmpty ? "" : ": \(reason)")
        case .invalidResponse:
            return "token response is not valid JSON with access_token and expires_in (HTTP \(status))"
        case .emptyToken:
            return "token response has an empty access_token"
        }
    }
}
