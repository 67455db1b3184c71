import Foundation
import MoltCore
import MoltServer
import MoltTestSupport

/// Answers of the MoltNet API recorded in `Tests/Fixtures/moltnet-recorded-responses.json`, one per
/// operation of openapi.json, with each success body shaped exactly as the operation's response schema.
struct RecordedResponses: Sendable {
    /// One recorded answer.
    struct Response: Decodable, Sendable {
        let status: Int
        let contentType: String
        let body: JSONValue

        /// The bytes sent: the JSON document, or the text of a `text/plain` answer.
        var bytes: [UInt8] {
            if case .string(let text) = body, contentType.hasPrefix("text/plain") { return Array(text.utf8) }
            return (try? Array(JSONCoding.encode(body))) ?? []
        }
    }

    let byOperation: [String: Response]

    /// The recorded answers (read once per test process).
    static func load() throws -> RecordedResponses {
        guard let loaded else { return try read() }
        return loaded
    }

    private static let loaded: RecordedResponses? = try? read()

    private static func read() throws -> RecordedResponses {
        RecordedResponses(
            byOperation: try JSONCoding.decode(
                [String: Response].self, from: Fixtures.data("moltnet-recorded-responses.json")))
    }

    /// Routes a request by MoltCore's route table and answers the operation's recorded response; 404 for
    /// a request no operation matches.
    var handler: HTTPServer.Handler {
        { request in
            guard let method = request.method, let match = Endpoints.match(method, path: request.path),
                let recorded = byOperation[match.value.operationId]
            else { return .text("no such operation", status: 404) }
            return HTTPResponse(status: recorded.status, contentType: recorded.contentType, bytes: recorded.bytes)
        }
    }

    /// Answers every operation with an error: `invalid_client` from the token endpoint, otherwise a
    /// problem+json of `problemType` whose `instance` is the request target.
    static func failing(_ problemType: ProblemType) -> HTTPServer.Handler {
        { request in
            if request.path == "/oauth2/token" {
                let error = OAuth2Error(.invalidClient, description: "Client authentication failed.")
                return HTTPResponse(
                    status: 401, contentType: "application/json",
                    bytes: Array((try? JSONCoding.encode(error)) ?? Data()))
            }
            let errors: [FieldError]? =
                problemType == .validationFailed ? [FieldError.tooShort("/content", minimum: 1)] : nil
            let problem = ProblemDetails(
                problemType, detail: "recorded \(problemType.slug) for \(request.path)", instance: request.target,
                errors: errors)
            return HTTPResponse(
                status: problem.status, contentType: ProblemDetails.mediaType,
                bytes: Array((try? JSONCoding.encode(problem)) ?? Data()), headers: ["X-Request-ID": "srv-req-1"])
        }
    }
}
