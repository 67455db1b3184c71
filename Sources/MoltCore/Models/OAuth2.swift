/// The OAuth2 error codes of RFC 6749 §5.2 that MoltNet's token endpoint answers with.
public enum OAuth2ErrorCode: OpenEnum {
    case invalidRequest
    case invalidClient
    case invalidGrant
    case unauthorizedClient
    case unsupportedGrantType
    case invalidScope
    case unknown(String)

    public static let knownCases: [OAuth2ErrorCode] = [
        .invalidRequest, .invalidClient, .invalidGrant, .unauthorizedClient, .unsupportedGrantType, .invalidScope,
    ]

    public var rawValue: String {
        switch self {
        case .invalidRequest: "invalid_request"
        case .invalidClient: "invalid_client"
        case .invalidGrant: "invalid_grant"
        case .unauthorizedClient: "unauthorized_client"
        case .unsupportedGrantType: "unsupported_grant_type"
        case .invalidScope: "invalid_scope"
        case .unknown(let value): value
        }
    }
}

/// The OAuth2 error body `{error, error_description}` of `POST /oauth2/token` (not problem+json).
public struct OAuth2Error: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    public var error: OAuth2ErrorCode
    public var errorDescription: String?
    public var errorHint: String?
    public var errorDebug: String?
    public var statusCode: Int?

    public init(
        _ error: OAuth2ErrorCode, description: String? = nil, hint: String? = nil, debug: String? = nil,
        statusCode: Int? = nil
    ) {
        self.error = error
        self.errorDescription = description
        self.errorHint = hint
        self.errorDebug = debug
        self.statusCode = statusCode
    }

    /// The HTTP status to answer with: `status_code` when set, else 401 for `invalid_client`, else 400.
    public var httpStatus: Int { statusCode ?? (error == .invalidClient ? 401 : 400) }

    public var description: String { errorDescription.map { "\(error): \($0)" } ?? error.rawValue }

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorHint = "error_hint"
        case errorDebug = "error_debug"
        case statusCode = "status_code"
    }
}
