import Foundation
import MoltClient
import MoltServer
import Testing

@Suite("libcurl transport", .timeLimit(.minutes(1)))
struct CurlTransportTests {
    static let echo: HTTPServer.Handler = { request in
        var headers = HTTPHeaders()
        headers["X-Method"] = request.methodName
        headers["X-Target"] = request.target
        headers["X-Seen-Request-ID"] = request.headers["X-Request-ID"] ?? "-"
        headers["X-Seen-Content-Type"] = request.headers["Content-Type"] ?? "-"
        headers["X-Seen-Expect"] = request.headers["Expect"] ?? "-"
        return HTTPResponse(status: 200, contentType: "application/octet-stream", bytes: request.body, headers: headers)
    }

    @Test("sends method, URL, headers and a binary body, and parses the response")
    func roundTrip() async throws {
        try await LoopbackServer.with(handler: Self.echo) { server in
            let transport = CurlTransport()
            let body: [UInt8] = Array(0...255) + Array(repeating: 7, count: 5000)
            let response = try await transport.send(
                HTTPClientRequest(
                    method: .put, url: server.baseURL + "/a/b?x=1&y=%C3%BC",
                    headers: ["Content-Type": "application/json", "X-Request-ID": "req-123"], body: body))
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(response.headers["x-method"] == "PUT")
            #expect(response.headers["X-Target"] == "/a/b?x=1&y=%C3%BC")
            #expect(response.headers["X-Seen-Request-ID"] == "req-123")
            #expect(response.headers["X-Seen-Content-Type"] == "application/json")
            #expect(response.headers["X-Seen-Expect"] == "-")
            #expect(response.mediaType == "application/octet-stream")
        }
    }

    @Test("generates a distinct X-Request-ID for every request that has none")
    func requestIDs() async throws {
        try await LoopbackServer.with(handler: Self.echo) { server in
            let transport = CurlTransport()
            var seen: Set<String> = []
            for _ in 0..<3 {
                let response = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/"))
                let id = try #require(response.headers["X-Seen-Request-ID"])
                #expect(UUID(uuidString: id) != nil)
                seen.insert(id)
            }
            #expect(seen.count == 3)
        }
    }

    @Test("POST without a body sends an empty one, and HEAD returns headers only")
    func emptyBodies() async throws {
        try await LoopbackServer.with(handler: Self.echo) { server in
            let transport = CurlTransport()
            let post = try await transport.send(HTTPClientRequest(method: .post, url: server.baseURL + "/p"))
            #expect(post.status == 200)
            #expect(post.body.isEmpty)
            #expect(post.headers["X-Seen-Content-Type"] == "-")
            let head = try await transport.send(HTTPClientRequest(method: .head, url: server.baseURL + "/h"))
            #expect(head.status == 200)
            #expect(head.headers["X-Method"] == "HEAD")
            #expect(head.body.isEmpty)
        }
    }

    @Test("returns error statuses as responses, with repeated headers kept")
    func errorStatuses() async throws {
        let handler: HTTPServer.Handler = { _ in
            var headers = HTTPHeaders()
            headers.add("Set-Cookie", "a=1")
            headers.add("Set-Cookie", "b=2")
            return HTTPResponse(
                status: 404, contentType: "application/problem+json; charset=utf-8", bytes: Array("{}".utf8),
                headers: headers)
        }
        try await LoopbackServer.with(handler: handler) { server in
            let response = try await CurlTransport().send(HTTPClientRequest(method: .get, url: server.baseURL))
            #expect(response.status == 404)
            #expect(response.isSuccess == false)
            #expect(response.mediaType == "application/problem+json")
            #expect(response.headers.values("set-cookie") == ["a=1", "b=2"])
        }
    }
}
