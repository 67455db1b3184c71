import Foundation
import MoltServer
import MoltTestSupport
import Testing

@Suite("Health, readiness and the request pipeline on a real server", .timeLimit(.minutes(3)))
struct HealthTests {
    @Test("GET /health answers ok with a millisecond UTC timestamp")
    func health() async throws {
        try await TestServer.with { server in
            let response = try await RawHTTPClient(port: server.application.port).request("GET", "/health")
            #expect(response.status == 200)
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            let body = try response.json()
            #expect(body["status"] as? String == "ok")
            let timestamp = try #require(body["timestamp"] as? String)
            #expect(timestamp.count == 24 && timestamp.hasSuffix("Z"))
        }
    }

    @Test("GET /ready reports the database")
    func ready() async throws {
        try await TestServer.with { server in
            let response = try await RawHTTPClient(port: server.application.port).request("GET", "/ready")
            #expect(response.status == 200)
            #expect(try response.json()["database"] as? String == "ok")
        }
    }

    @Test("echoes a sane X-Request-ID, replaces an unsafe one, and logs the request")
    func requestIDs() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            let given = try await client.request("GET", "/health", headers: ["X-Request-ID": "abc-123"])
            #expect(given.headers["x-request-id"] == "abc-123")
            let unsafe = try await client.request("GET", "/health", headers: ["X-Request-ID": "bad id\u{7f}"])
            #expect(unsafe.headers["x-request-id"]?.count == 36)
            let logged = server.logs.records.filter { $0.message == "Request handled." }
            #expect(logged.contains { $0.metadata["request.id"] == "abc-123" && $0.metadata["http.status"] == "200" })
        }
    }

    @Test("unknown routes and wrong methods answer a not-found problem, with Allow for known paths")
    func problems() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            let missing = try await client.request("GET", "/no/such/route?x=1")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "application/problem+json")
            let body = try missing.json()
            #expect(body["instance"] as? String == "/no/such/route?x=1")
            #expect(body["type"] as? String == "https://themolt.net/problems/not-found")
            #expect(body["code"] as? String == "NOT_FOUND")
            let wrongMethod = try await client.request("DELETE", "/health")
            #expect(wrongMethod.status == 404)
            #expect(wrongMethod.headers["allow"] == "GET")
        }
    }

    @Test("the admin listener answers on its own port")
    func admin() async throws {
        try await TestServer.with { server in
            #expect(server.application.adminPort != server.application.port)
            let response = try await RawHTTPClient(port: server.application.adminPort).request("GET", "/health")
            #expect(response.status == 200)
        }
    }
}
