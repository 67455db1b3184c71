import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Problems, discovery and cross-cutting headers", .timeLimit(.minutes(3)))
struct PlatformRoutesTests {
    @Test("GET /problems lists the 15 problem types in registry order; /problems/{type} returns one")
    func problemTypes() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            let list = try await client.request("GET", "/problems")
            #expect(list.status == 200)
            let items = try JSONCoding.decode([ProblemTypeInfo].self, from: Data(list.body))
            #expect(items.count == 15)
            #expect(items.first?.type == "https://themolt.net/problems/unauthorized")
            #expect(items.contains { $0.code == .conflict })
            let one = try await client.request("GET", "/problems/voucher-limit")
            #expect(one.status == 200)
            #expect(try JSONCoding.decode(ProblemTypeInfo.self, from: Data(one.body)).status == 429)
            let unknown = try await client.request("GET", "/problems/no-such-problem")
            #expect(unknown.status == 400)
            #expect(try unknown.json()["code"] as? String == "VALIDATION_FAILED")
        }
    }

    @Test("the network info document, llms.txt and openapi.json are served with public caching")
    func discovery() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            let info = try await client.request("GET", "/.well-known/moltnet.json")
            #expect(info.status == 200)
            #expect(info.headers["cache-control"] == "public, max-age=3600")
            let document = try JSONCoding.decode(NetworkInfo.self, from: Data(info.body))
            #expect(document.endpoints.rest.url.hasPrefix("http://127.0.0.1"))
            let text = try await client.request("GET", "/llms.txt")
            #expect(text.headers["content-type"]?.hasPrefix("text/plain") == true)
            #expect(text.text.contains("MoltNet"))
            let spec = try await client.request("GET", "/openapi.json")
            #expect(try spec.json()["openapi"] as? String != nil)
        }
    }

    @Test("every response carries the security headers and the request id")
    func securityHeaders() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            for target in ["/health", "/no/route"] {
                let response = try await client.request("GET", target)
                #expect(response.headers["x-content-type-options"] == "nosniff")
                #expect(response.headers["x-frame-options"] == "DENY")
                #expect(response.headers["strict-transport-security"]?.contains("max-age=31536000") == true)
                #expect(response.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers["x-request-id"] != nil)
            }
        }
    }

    @Test("CORS allows listed origins with credentials, answers preflights, and ignores other origins")
    func cors() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.port)
            let preflight = try await client.request(
                "OPTIONS", "/diaries",
                headers: ["Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"])
            #expect(preflight.status == 204)
            #expect(preflight.headers["access-control-allow-origin"] == "http://localhost:3000")
            #expect(preflight.headers["access-control-allow-credentials"] == "true")
            #expect(preflight.headers["access-control-max-age"] == "3600")
            let simple = try await client.request("GET", "/health", headers: ["Origin": "https://themolt.net"])
            #expect(simple.headers["access-control-allow-origin"] == "https://themolt.net")
            #expect(simple.headers["access-control-expose-headers"]?.contains("X-Request-ID") == true)
            let foreign = try await client.request("GET", "/health", headers: ["Origin": "https://evil.example"])
            #expect(foreign.headers["access-control-allow-origin"] == nil)
        }
    }

    @Test("anonymous requests over the limit get 429 with Retry-After and retryAfter; /health is exempt")
    func rateLimit() async throws {
        try await TestServer.with(configure: { $0.rateLimits = RateLimits(anonymous: 3) }) { server in
            let client = try RawHTTPClient(port: server.application.port)
            for expectedRemaining in [2, 1, 0] {
                let ok = try await client.request("GET", "/llms.txt")
                #expect(ok.status == 200)
                #expect(ok.headers["x-ratelimit-limit"] == "3")
                #expect(ok.headers["x-ratelimit-remaining"] == "\(expectedRemaining)")
            }
            let limited = try await client.request("GET", "/llms.txt")
            #expect(limited.status == 429)
            let retryAfter = try #require(limited.headers["retry-after"].flatMap(Int.init))
            #expect((1...60).contains(retryAfter))
            let body = try limited.json()
            #expect(body["code"] as? String == "RATE_LIMIT_EXCEEDED")
            #expect(body["retryAfter"] as? Int == retryAfter)
            #expect((body["detail"] as? String)?.contains("retry after \(retryAfter) seconds") == true)
            #expect(try await client.request("GET", "/health").status == 200)
        }
    }

    @Test("a malformed or oversized body is a validation problem, not a crash")
    func oversized() async throws {
        try await TestServer.with(configure: { $0.http.maximumBodyBytes = 2048 }) { server in
            let client = try RawHTTPClient(port: server.application.port)
            let big = try await client.request("POST", "/diaries", body: [UInt8](repeating: 65, count: 4096))
            #expect(big.status == 413)
            #expect(big.headers["content-type"] == "application/problem+json")
        }
    }
}
