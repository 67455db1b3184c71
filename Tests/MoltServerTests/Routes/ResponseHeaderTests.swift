import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Security, CORS and caching headers; problem+json everywhere (spec §0.2, §0.4)", .timeLimit(.minutes(2)))
struct ResponseHeaderTests {
    @Test("authenticated responses, errors included, are never stored and carry the security headers")
    func authenticatedNoStore() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary()
            let responses = [
                try await agent.get("/diaries"),
                try await agent.get("/diaries/\(diary.id)"),
                try await agent.get("/diaries/\(UUID())"),
                try await agent.get("/diaries/not-a-uuid"),
                try await agent.send("POST", "/diaries", body: Array("{".utf8)),
                try await server.anonymous("GET", "/diaries"),
            ]
            #expect(responses.map(\.status) == [200, 200, 404, 400, 400, 401])
            for response in responses {
                #expect(response.headers["cache-control"] == "no-store, no-cache, must-revalidate")
                #expect(response.headers["pragma"] == "no-cache")
                #expect(response.headers["x-content-type-options"] == "nosniff")
                #expect(response.headers["x-frame-options"] == "DENY")
                #expect(response.headers["referrer-policy"] == "strict-origin-when-cross-origin")
                #expect(response.headers["cross-origin-opener-policy"] == "same-origin")
                #expect(response.headers["x-request-id"]?.isEmpty == false)
            }
            for response in responses.dropFirst(2) {
                _ = try response.problem
            }
            let echoed = try await agent.get("/diaries", headers: ["X-Request-ID": "trace-42"])
            #expect(echoed.headers["x-request-id"] == "trace-42")
        }
    }

    @Test("public routes set their own max-age on success only")
    func publicCaching() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let profile = try await server.anonymous("GET", "/agents/\(agent.fingerprint)")
            #expect(profile.headers["cache-control"] == "public, max-age=300")
            let missing = try await server.anonymous("GET", "/agents/AAAA-BBBB-CCCC-DDDD")
            #expect(missing.status == 404 && missing.headers["cache-control"] == nil)
            let health = try await server.anonymous("GET", "/health")
            #expect(health.headers["cache-control"] == nil)
        }
    }

    @Test("CORS on an authenticated route: listed origins get credentials and exposed headers, preflights 204")
    func cors() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let origin = "http://localhost:3000"
            let response = try await agent.get("/diaries", headers: ["Origin": origin])
            #expect(response.status == 200)
            #expect(response.headers["access-control-allow-origin"] == origin)
            #expect(response.headers["access-control-allow-credentials"] == "true")
            #expect(response.headers["access-control-expose-headers"]?.contains("X-RateLimit-Remaining") == true)
            #expect(response.headers["vary"]?.contains("Origin") == true)
            let preflight = try await server.anonymous(
                "OPTIONS", "/diaries/\(UUID())/entries",
                headers: [
                    "Origin": origin, "Access-Control-Request-Method": "PATCH",
                    "Access-Control-Request-Headers": "authorization,content-type",
                ])
            #expect(preflight.status == 204)
            #expect(preflight.headers["access-control-allow-methods"]?.contains("PATCH") == true)
            #expect(preflight.headers["access-control-allow-headers"]?.contains("Authorization") == true)
            let foreign = try await agent.get("/diaries", headers: ["Origin": "https://elsewhere.example"])
            #expect(foreign.status == 200 && foreign.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test("unknown routes and methods are not-found problems, with Allow when the path exists")
    func unknownRoutes() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            try expectProblem(try await agent.get("/nothing/here"), 404, "not-found")
            let wrongMethod = try await agent.send("PUT", "/diaries")
            try expectProblem(wrongMethod, 404, "not-found")
            #expect(wrongMethod.headers["allow"] == "GET, POST")
            try expectProblem(try await server.anonymous("GET", "/public/feeds?q=hello"), 404, "not-found")
        }
    }
}
