import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Every operation of openapi.json through ``MoltAPIClient`` against a libmicrohttpd server answering
/// recorded, spec-shaped responses: the request on the wire and the decoded answer.
@Suite("MoltAPIClient operations", .timeLimit(.minutes(2)))
struct MoltAPIClientOperationTests {
    static let credentials = ClientCredentials(clientID: "agent-session", clientSecret: Secret("session-secret"))

    @Test("every operation of openapi.json has a client method, and no method lacks an operation")
    func coverage() throws {
        let operations = try OpenAPIOperation.all()
        #expect(operations.count == 43)
        #expect(Set(operations.map(\.operationId)) == Set(OperationCase.all.keys))
        #expect(OperationCase.all.count == 43)
    }

    @Test("every client method's doc comment names its operation as openapi.json does")
    func remarks() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/MoltClient/REST")
        var remarks: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let range = line.range(of: "/// - Remark: ") else { continue }
                let parts = line[range.upperBound...].split(separator: " ")
                guard parts.count == 3 else { continue }
                let id = String(parts[2].dropFirst().dropLast())
                remarks[id, default: []].insert("\(parts[0]) \(parts[1])")
            }
        }
        for operation in try OpenAPIOperation.all() {
            #expect(
                remarks[operation.operationId] == ["\(operation.method) \(operation.path)"], "\(operation.operationId)")
        }
        #expect(remarks.count == 43)
    }

    @Test("sends the spec's request and decodes the recorded answer", arguments: OperationCase.all.keys.sorted())
    func operation(_ operationId: String) async throws {
        let spec = try #require(try OpenAPIOperation.named(operationId))
        let testCase = try #require(OperationCase.all[operationId])
        let recorded = try #require(try RecordedResponses.load().byOperation[operationId])
        try await LoopbackServer.with(handler: try RecordedResponses.load().handler) { server in
            let client = MoltAPIClient(baseURL: server.baseURL, credentials: Self.credentials)
            let answer = try await testCase.call(client)

            let sent = try #require(server.requests.last)
            #expect(sent.methodName == spec.method)
            #expect(PathTemplate(spec.path).match(sent.path) != nil, "\(sent.path) is not \(spec.path)")
            #expect(sent.target == testCase.target)
            #expect(sent.body.isEmpty == (testCase.body == nil))
            if let body = testCase.body {
                #expect(String(decoding: sent.body, as: UTF8.self) == body)
                let form = operationId == "getOAuth2Token"
                #expect(
                    sent.headers["Content-Type"] == (form ? "application/x-www-form-urlencoded" : "application/json"))
            }
            #expect((sent.headers["Authorization"] == "Bearer tok-1") == spec.authenticated)
            #expect(sent.headers["X-Request-ID"]?.isEmpty == false)
            let tokenRequests = server.requests.filter { $0.path == "/oauth2/token" }.count
            #expect(tokenRequests == (spec.authenticated || operationId == "getOAuth2Token" ? 1 : 0))

            let decoded = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(answer))
            #expect(decoded == recorded.body)
        }
    }

    @Test(
        "a problem+json answer becomes a MoltAPIError with the operation and path",
        arguments: OperationCase.all.keys.sorted())
    func problem(_ operationId: String) async throws {
        let testCase = try #require(OperationCase.all[operationId])
        let problemType: ProblemType = testCase.body == nil ? .notFound : .validationFailed
        let recordedToken = try #require(try RecordedResponses.load().byOperation["getOAuth2Token"])
        let failing = RecordedResponses.failing(problemType)
        let handler: HTTPServer.Handler = { request in
            // The session's own token still works, so authenticated operations reach their route.
            if request.path == "/oauth2/token", String(decoding: request.body, as: UTF8.self).contains("agent-session")
            {
                return HTTPResponse(status: 200, contentType: "application/json", bytes: recordedToken.bytes)
            }
            return await failing(request)
        }
        try await LoopbackServer.with(handler: handler) { server in
            let client = MoltAPIClient(baseURL: server.baseURL, credentials: Self.credentials, retryPolicy: .none)
            do {
                _ = try await testCase.call(client)
                Issue.record("\(operationId) did not throw")
            } catch let error as TokenError {
                #expect(operationId == "getOAuth2Token")
                #expect(error.code == .rejected)
                #expect(error.status == 401)
                #expect(error.oauth2Error == OAuth2Error(.invalidClient, description: "Client authentication failed."))
                #expect(
                    error.description
                        == "token request failed (HTTP 401): invalid_client: Client authentication failed.")
            } catch let error as MoltAPIError {
                let sent = try #require(server.requests.last)
                #expect(error.status == problemType.status)
                #expect(error.problemType == problemType)
                #expect(error.typeSlug == problemType.slug)
                #expect(error.title == problemType.title)
                #expect(error.detail == "recorded \(problemType.slug) for \(sent.path)")
                #expect(error.instance == testCase.target)
                #expect(error.operation == operationId)
                #expect(error.path == sent.path)
                #expect(error.method.rawValue == sent.methodName)
                #expect(error.requestID == "srv-req-1")
                #expect(
                    error.fieldErrors == (problemType == .validationFailed ? [.tooShort("/content", minimum: 1)] : []))
                #expect(error.description == "\(problemType.title): recorded \(problemType.slug) for \(sent.path)")
            }
        }
    }

    @Test("a 429 problem carries retryAfter; an undecodable 2xx is a MoltClientError naming the type")
    func rateLimitAndUndecodable() async throws {
        let counter = Counter()
        let handler: HTTPServer.Handler = { _ in
            if counter.next() == 1 {
                let problem = ProblemDetails.rateLimitExceeded(retryAfter: 30, instance: "/vouch")
                return HTTPResponse(
                    status: 429, contentType: ProblemDetails.mediaType, bytes: Array(try! JSONCoding.encode(problem)))
            }
            return .json(Array(#"{"status":"ok"}"#.utf8))
        }
        try await LoopbackServer.with(handler: handler) { server in
            let client = MoltAPIClient(baseURL: server.baseURL, retryPolicy: .none)
            let limited = await #expect(throws: MoltAPIError.self) { _ = try await client.trustGraph() }
            #expect(limited?.status == 429)
            #expect(limited?.retryAfter == 30)
            #expect(limited?.code == .rateLimitExceeded)
            let broken = await #expect(throws: MoltClientError.self) { _ = try await client.health() }
            #expect(broken?.code == .undecodableResponse(type: "Health", status: 200))
            #expect(broken?.path == "/health")
        }
    }
}
