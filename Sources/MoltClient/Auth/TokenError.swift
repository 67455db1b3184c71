public import MoltCore

/// The token endpoint (`POST /oauth2/token`) refused to issue a token, or answered with something that is
/// not one: the typed OAuth2 error of the client.
///
/// Carries the HTTP status and the decoded OAuth2 error body (`{error, error_description}`, MoltCore's
/// ``OAuth2Error``), or the problem when a server answered with problem+json instead; never the client
/// secret or a token.
public struct TokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The server answered with a non-2xx status.
        case rejected
        /// A 2xx whose body is not a token response.
        case invalidResponse
        /// A 2xx whose `access_token` is empty.
        case emptyToken
    }

    public let code: Code
    /// The HTTP status of the token response.
    public let status: Int
    /// The OAuth2 error the server sent (`invalid_client`, `unsupported_grant_type`, …), if it sent one.
    public let oauth2Error: OAuth2Error?
    /// The problem the server sent instead of an OAuth2 error, if it sent one.
    public let problem: ProblemDetails?

    public init(_ code: Code, status: Int, oauth2Error: OAuth2Error? = nil, problem: ProblemDetails? = nil) {
        self.code = code
        self.status = status
        self.oauth2Error = oauth2Error
        self.problem = problem
    }

    /// The OAuth2 `error` (`invalid_client`) or the problem's type slug.
    public var error: String? {
        oauth2Error?.error.rawValue ?? problem.map { String($0.type.split(separator: "/").last ?? "") }
    }

    /// The OAuth2 `error_description` or the problem's detail.
    public var errorDescription: String? {
        oauth2Error?.errorDescription ?? problem?.detail
    }

    public var description: String {
        switch code {
        case .rejected:
            let reason = [error, errorDescription].compactMap { $0 }.joined(separator: ": ")
            return "token request failed (HTTP \(status))" + (reason.isEmpty ? "" : ": \(reason)")
        case .invalidResponse:
            return "token response is not valid JSON with access_token, token_type and expires_in (HTTP \(status))"
        case .emptyToken:
            return "token response has an empty access_token"
        }
    }
}
