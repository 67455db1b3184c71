public import MoltCore

/// An Ory API answered with an error, in either of Ory's two dialects: herodot's `genericError`
/// (`{"error":{"code","status","reason","message"}}`, Kratos and Keto) or `errorOAuth2`
/// (`{"error","error_description"}`, Hydra, admin routes included).
///
/// `description` is `message: reason` (or the OAuth2 error and description), never the raw body.
public struct OryError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Which Ory API answered.
    public enum Service: String, Sendable, Equatable {
        case kratos, hydra, keto
    }

    public let service: Service
    /// The HTTP status.
    public let status: Int
    /// The decoded `genericError`, when the body was one.
    public let generic: OryGenericError?
    /// The decoded `errorOAuth2`, when the body was one.
    public let oauth2: OAuth2Error?
    public let method: HTTPClientRequest.Method
    /// The request path, without query.
    public let path: String

    public init(
        service: Service, status: Int, generic: OryGenericError? = nil, oauth2: OAuth2Error? = nil,
        method: HTTPClientRequest.Method, path: String
    ) {
        self.service = service
        self.status = status
        self.generic = generic
        self.oauth2 = oauth2
        self.method = method
        self.path = path
    }

    /// The error's message: herodot's `message`, the OAuth2 `error`, or the status's reason phrase.
    public var message: String {
        generic?.message ?? oauth2?.error.rawValue ?? MoltAPIError.reasonPhrase(status)
    }

    /// The detail: herodot's `reason`, or the OAuth2 `error_description` (nil when empty).
    public var reason: String? {
        let text = generic?.reason ?? oauth2?.errorDescription
        return text?.isEmpty == false ? text : nil
    }

    public var description: String {
        reason.map { "\(message): \($0)" } ?? message
    }

    public var debugDescription: String {
        "\(description) (\(service) HTTP \(status), \(method) \(path))"
    }
}

/// herodot's `genericError`, the `error` member of every Kratos and Keto error body.
public struct OryGenericError: Codable, Sendable, Hashable {
    /// The HTTP status.
    public var code: Int?
    /// The status text (`Not Found`).
    public var status: String?
    /// What went wrong this time.
    public var reason: String?
    /// herodot's fixed message for the status (`The requested resource could not be found`).
    public var message: String
    public var id: String?
    public var request: String?
    public var debug: String?
    public var details: JSONValue?

    public init(
        code: Int? = nil, status: String? = nil, reason: String? = nil, message: String, id: String? = nil,
        request: String? = nil, debug: String? = nil, details: JSONValue? = nil
    ) {
        self.code = code
        self.status = status
        self.reason = reason
        self.message = message
        self.id = id
        self.request = request
        self.debug = debug
        self.details = details
    }
}

/// `{"error": genericError}`.
struct OryGenericErrorBody: Codable {
    let error: OryGenericError
}
