import Foundation
import MoltCore

extension MoltAPIError {
    /// The error a non-2xx response stands for.
    init(response: HTTPClientResponse, request: HTTPClientRequest, operation: String?) {
        let data = Data(response.body)
        let headerRetryAfter = response.headers["Retry-After"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let problem = (try? JSONCoding.decode(ProblemDetails.self, from: data)) ?? Self.partialProblem(data, response)
        let other = problem == nil ? try? JSONCoding.decode(OtherErrorBody.self, from: data) : nil
        self.init(
            status: response.status, problem: problem, title: problem == nil ? other?.error : nil,
            detail: problem == nil ? other?.message ?? other?.errorDescription : nil,
            retryAfter: problem?.retryAfter ?? headerRetryAfter, method: request.method,
            path: MoltHTTPClient.path(of: request.redactedURL), operation: operation,
            requestID: response.headers["X-Request-ID"] ?? request.requestID)
    }

    /// A problem document missing `status` or `code` (some proxies and older servers): kept as a problem
    /// with the response's status and the registered type's code, when `type` and `title` are there.
    private static func partialProblem(_ data: Data, _ response: HTTPClientResponse) -> ProblemDetails? {
        guard let body = try? JSONCoding.decode(PartialProblem.self, from: data), let type = body.type,
            let title = body.title
        else { return nil }
        return ProblemDetails(
            type: type, title: title, status: body.status ?? response.status,
            code: body.code.map { ProblemCode(rawValue: $0) } ?? ProblemType.withURI(type)?.code ?? .unknown(""),
            detail: body.detail, instance: body.instance, errors: body.errors, retryAfter: body.retryAfter)
    }

    /// Problem members, each optional.
    private struct PartialProblem: Decodable {
        let type: String?
        let title: String?
        let status: Int?
        let code: String?
        let detail: String?
        let instance: String?
        let errors: [FieldError]?
        let retryAfter: Int?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            func text(_ key: String) -> String? { try? container.decodeIfPresent(String.self, forKey: .init(key)) }
            type = text("type")
            title = text("title")
            code = text("code")
            detail = text("detail")
            instance = text("instance")
            status = try? container.decodeIfPresent(Int.self, forKey: .init("status"))
            errors = try? container.decodeIfPresent([FieldError].self, forKey: .init("errors"))
            retryAfter = try? container.decodeIfPresent(Int.self, forKey: .init("retryAfter"))
        }
    }

    /// Error bodies that are not problems: Fastify's stock `{statusCode, error, message}` and OAuth2's
    /// `{error, error_description}`.
    private struct OtherErrorBody: Decodable {
        let error: String?
        let message: String?
        let errorDescription: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicCodingKey.self)
            func text(_ key: String) -> String? { try? container.decodeIfPresent(String.self, forKey: .init(key)) }
            error = text("error")
            message = text("message")
            errorDescription = text("error_description")
        }
    }
}
