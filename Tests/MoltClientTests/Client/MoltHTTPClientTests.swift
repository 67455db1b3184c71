import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("MoltHTTPClient facade", .timeLimit(.minutes(3)))
struct MoltHTTPClientTests {
    struct Note: Codable, Equatable {
        let title: String
        let createdAt: Date
    }

    @Test("health() answers from a real moltnetd")
    func health() async throws {
        try await TestServer.with { server in
            let client = MoltAPIClient(baseURL: server.baseURL + "/")
            let health = try await client.health()
            #expect(health.status == "ok")
            #expect(abs(health.timestamp.timeIntervalSinceNow) < 60)
        }
    }

    @Test("sends JSON bodies with wire timestamps and decodes JSON responses, query encoded")
    func jsonRoundTrip() async throws {
        let echo: HTTPServer.Handler = { request in
            var headers = HTTPHeaders()
            headers["X-Target"] = request.target
            return HTTPResponse(status: 200, contentType: "application/json", bytes: request.body, headers: headers)
        }
        try await LoopbackServer.with(handler: echo) { server in
            let client = MoltHTTPClient(baseURL: server.baseURL)
            let note = Note(title: "ünï ✓", createdAt: Date(timeIntervalSince1970: 1_771_841_472.345))
            let back: Note = try await client.send(
                .post, "/notes", query: [QueryItem("q", "a b&c"), QueryItem("limit", "5")], body: note,
                authenticated: false)
            #expect(back == note)
            let request = try #require(server.requests.first)
            #expect(request.target == "/notes?q=a%20b%26c&limit=5")
            #expect(
                String(decoding: request.body, as: UTF8.self)
                    == #"{"createdAt":"2026-02-23T10:11:12.345Z","title":"ünï ✓"}"#)
            #expect(request.headers["Content-Type"] == "application/json")
            #expect(request.headers["Accept"] == "application/json")
            #expect(request.headers["X-Request-ID"] != nil)
        }
    }

    @Test("decodes a problem+json error with field errors into MoltAPIError")
    func problemErrors() async throws {
        let problem = """
            {"type":"https://themolt.net/problems/validation-failed","title":"Validation Failed","status":400,\
            "code":"VALIDATION_FAILED","detail":"body/content must NOT have fewer than 1 characters",\
            "instance":"/diaries/x/entries","errors":[{"field":"/content","message":"must NOT have fewer than 1 characters"}]}
            """
        let handler: HTTPServer.Handler = { _ in
            HTTPResponse(
                status: 400, contentType: "application/problem+json", bytes: Array(problem.utf8),
                headers: ["X-Request-ID": "srv-1"])
        }
        try await LoopbackServer.with(handler: handler) { server in
            let client = MoltHTTPClient(baseURL: server.baseURL)
            let error = await #expect(throws: MoltAPIError.self) {
                let _: NoContent = try await client.send(
                    .post, "/diaries/x/entries", body: ["content": ""], authenticated: false,
                    operation: "createDiaryEntry")
            }
            #expect(error?.status == 400)
            #expect(error?.typeSlug == "validation-failed")
            #expect(error?.title == "Validation Failed")
            #expect(error?.code == .validationFailed)
            #expect(error?.problemType == .validationFailed)
            #expect(error?.instance == "/diaries/x/entries")
            #expect(error?.fieldErrors == [.init(field: "/content", message: "must NOT have fewer than 1 characters")])
            #expect(error?.operation == "createDiaryEntry")
            #expect(error?.requestID == "srv-1")
            #expect(error?.description == "Validation Failed: body/content must NOT have fewer than 1 characters")
            #expect(error?.debugDescription.contains("POST /diaries/x/entries") == true)
        }
    }

    @Test("non-problem error bodies still give a title and never leak the body")
    func otherErrorBodies() async throws {
        let counter = Counter()
        let handler: HTTPServer.Handler = { _ in
            switch counter.next() {
            case 1:
                .json(
                    Array(#"{"message":"Route GET:/nope not found","error":"Not Found","statusCode":404}"#.utf8),
                    status: 404)
            case 2:
                .json(
                    Array(#"{"error":"invalid_client","error_description":"Client authentication failed."}"#.utf8),
                    status: 401)
            default:
                .text("<html>upstream exploded secret-stack-trace</html>", status: 502, contentType: "text/html")
            }
        }
        try await LoopbackServer.with(handler: handler) { server in
            let client = MoltHTTPClient(baseURL: server.baseURL, retryPolicy: .none)
            var errors: [MoltAPIError] = []
            for _ in 0..<3 {
                do {
                    _ = try await client.send(.get, "/nope", authenticated: false)
                } catch let error as MoltAPIError {
                    errors.append(error)
                }
            }
            #expect(
                errors.map(\.description) == [
                    "Not Found: Route GET:/nope not found", "invalid_client: Client authentication failed.",
                    "Bad Gateway",
                ])
            #expect(errors.map(\.status) == [404, 401, 502])
            #expect(errors.allSatisfy { !$0.debugDescription.contains("secret-stack-trace") })
        }
    }

    @Test("authenticated calls carry the bearer token; without credentials they fail before sending")
    func authentication() async throws {
        let tokens = TokenServer()
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let client = MoltHTTPClient(
                baseURL: server.baseURL, credentials: ClientCredentials(clientID: "c", clientSecret: Secret("s")))
            let response = try await client.send(.get, "/protected")
            #expect(response.text == "hello tok-1")
            let anonymous = MoltHTTPClient(baseURL: server.baseURL)
            let error = await #expect(throws: MoltClientError.self) { _ = try await anonymous.send(.get, "/protected") }
            #expect(error?.code == .missingCredentials)
            #expect(server.requests.count == 2)
        }
    }

    @Test("204 decodes as NoContent; a 200 that is not the expected type is a MoltClientError")
    func decoding() async throws {
        let counter = Counter()
        let handler: HTTPServer.Handler = { _ in counter.next() == 1 ? .empty() : .text("not json") }
        try await LoopbackServer.with(handler: handler) { server in
            let client = MoltHTTPClient(baseURL: server.baseURL)
            let none: NoContent = try await client.send(.delete, "/x", authenticated: false)
            #expect(none == NoContent())
            let error = await #expect(throws: MoltClientError.self) {
                let _: Note = try await client.send(.get, "/y", authenticated: false)
            }
            #expect(error?.code == .undecodableResponse(type: "Note", status: 200))
            #expect(error?.description == "the response to GET /y (HTTP 200) is not a valid Note")
        }
    }

    @Test("retries an idempotent call on 503 through the default stack")
    func retries() async throws {
        try await LoopbackServer.with(handler: RetryingTransportTests.failing(1, status: 503)) { server in
            let client = MoltHTTPClient(
                baseURL: server.baseURL, retryPolicy: RetryPolicy(baseDelay: .milliseconds(10)))
            let response = try await client.send(.get, "/r", authenticated: false)
            #expect(response.text == "done")
            #expect(response.metrics.attempts == 2)
        }
    }

    @Test("logs each request and retry with metadata, never a secret, token or query")
    func logging() async throws {
        let tokens = TokenServer(accepts: { $0 >= 2 })
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let sink = InMemoryLogSink()
            let client = MoltHTTPClient(
                baseURL: server.baseURL, credentials: ClientCredentials(clientID: "c", clientSecret: Secret("pw-123")),
                logger: Logger(label: "client", level: .debug, sink: sink))
            _ = try await client.send(.get, "/protected", query: [QueryItem("cursor", "private-cursor")])
            let records = sink.records
            let completed = records.filter { $0.message == "HTTP request completed." }
            #expect(completed.count == 4)  // token, 401, token again, 200
            #expect(completed.last?.metadata["http.status"] == "200")
            #expect(completed.last?.metadata["http.url"] == server.baseURL + "/protected")
            #expect(completed.last?.metadata["request.id"]?.isEmpty == false)
            let text = records.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
            for secret in ["pw-123", "tok-1", "tok-2", "private-cursor"] {
                #expect(!text.contains(secret))
            }
        }
    }
}
