import Foundation

extension MoltAPIError {
    /// The error a non-2xx response stands for.
    init(response: HTTPClientResponse, request: HTTPClientRequest, operation: String?) {
        let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
        let headerRetryAfter = response.headers["Retry-After"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let path = Self.path(of: request.redactedURL)
        let title = body?.title ?? body?.error ?? Self.reasonPhrase(response.status)
        let detail = body?.detail ?? (body?.title == nil ? body?.message ?? body?.errorDescription : nil)
        self.init(
            status: response.status, type: body?.type, title: title, code: body?.code, detail: detail,
            instance: body?.instance,
            fieldErrors: (body?.errors ?? []).map { FieldError(field: $0.field ?? "", message: $0.message ?? "") },
            retryAfter: body?.retryAfter ?? headerRetryAfter, method: request.method, path: path,
            operation: operation, requestID: response.headers["X-Request-ID"] ?? request.requestID)
    }

    private static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    /// The standard reason phrase of a status, for bodies that say nothing.
    static func reasonPhrase(_ status: Int) -> String {
        let phrases = [
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict", 410: "Gone", 413: "Content Too Large", 415: "Unsupported Media Type",
            422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
            501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? "HTTP \(status)"
    }

    /// Every error body shape MoltNet deployments send: problem details (spec §0.2), Fastify's stock
    /// `{statusCode, error, message}`, and OAuth2's `{error, error_description}`. Private until MoltCore's
    /// `ProblemDetails` replaces the problem part.
    private struct ErrorBody: Decodable {
        let type: String?
        let title: String?
        let code: String?
        let detail: String?
        let instance: String?
        let errors: [Field]?
        let retryAfter: Int?
        let error: String?
        let message: String?
        let errorDescription: String?

        struct Field: Decodable {
            let field: String?
            let message: String?
        }

        enum CodingKeys: String, CodingKey {
            case type, title, code, detail, instance, errors, retryAfter, error, message
            case errorDescription = "error_description"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String? { try? container.decodeIfPresent(String.self, forKey: key) }
            type = text(.type)
            title = text(.title)
            code = text(.code)
            detail = text(.detail)
            instance = text(.instance)
            errors = try? container.decodeIfPresent([Field].self, forKey: .errors)
            retryAfter = try? container.decodeIfPresent(Int.self, forKey: .retryAfter)
            error = text(.error)
            message = text(.message)
            errorDescription = text(.errorDescription)
        }
    }
}
