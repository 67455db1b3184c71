import MoltCore

/// The two error dialects of Ory's APIs: herodot's `genericError` (Kratos and Keto,
/// `{"error":{"code","status","reason","message"}}`) and `errorOAuth2` (Hydra, admin routes included,
/// `{"error","error_description"}`).
enum OryErrorResponse {
    /// A Kratos/Keto error with herodot's fixed message for the status and `reason` as the detail.
    static func generic(status: Int, reason: String?) -> HTTPResponse {
        var error: [String: JSONValue] = [
            "code": .integer(Int64(status)), "status": .string(statusText(status)),
            "message": .string(defaultMessage(status)),
        ]
        if let reason { error["reason"] = .string(reason) }
        return .json(JSONValue.object(["error": .object(error)]).encoded, status: status)
    }

    /// A Kratos/Keto error for a service failure.
    static func generic(_ error: IdentityError) -> HTTPResponse {
        let status = status(error.code)
        return generic(status: status, reason: status >= 500 ? nil : error.message)
    }

    /// A Hydra error.
    static func oauth2(status: Int, error: String, description: String) -> HTTPResponse {
        .json(
            JSONValue.object([
                "error": .string(error), "error_description": .string(description),
                "status_code": .integer(Int64(status)),
            ]).encoded, status: status)
    }

    /// A Hydra error for a service failure, worded as Hydra words them.
    static func oauth2(_ error: IdentityError) -> HTTPResponse {
        switch error.code {
        case .notFound: oauth2(status: 404, error: "Unable to locate the resource", description: "")
        case .conflict:
            oauth2(
                status: 409,
                error: "Unable to insert or update resource because a resource with that value exists already",
                description: "")
        case .invalid: oauth2(status: 400, error: "invalid_request", description: error.message)
        case .unauthorized: oauth2(status: 401, error: "invalid_client", description: error.message)
        case .unavailable:
            oauth2(
                status: 500, error: "server_error",
                description: "The authorization server encountered an unexpected condition.")
        }
    }

    static func status(_ code: IdentityError.Code) -> Int {
        switch code {
        case .notFound: 404
        case .conflict: 409
        case .invalid: 400
        case .unauthorized: 401
        case .unavailable: 500
        }
    }

    static func statusText(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 503: "Service Unavailable"
        default: "Internal Server Error"
        }
    }

    /// herodot's fixed messages.
    static func defaultMessage(_ status: Int) -> String {
        switch status {
        case 400: "The request was malformed or contained invalid parameters"
        case 401: "The request could not be authorized"
        case 403: "The requested action was forbidden"
        case 404: "The requested resource could not be found"
        case 409: "The resource could not be created due to a conflict"
        default: "An internal server error occurred, please contact the system administrator"
        }
    }
}
