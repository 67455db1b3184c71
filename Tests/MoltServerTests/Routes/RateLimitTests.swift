import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Rate limits by identity and per-route buckets (spec §0.3, §9 #3)", .timeLimit(.minutes(2)))
struct RateLimitTests {
    @Test("authenticated callers have a budget each, separate from the address's anonymous budget")
    func perIdentity() async throws {
        try await TestServer.with(configure: { $0.rateLimits = RateLimits(authenticated: 3, anonymous: 10) }) {
            server in
            let (first, second) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            for remaining in [2, 1, 0] {
                let response = try await first.get("/diaries")
                #expect(response.status == 200)
                #expect(response.headers["x-ratelimit-limit"] == "3")
                #expect(response.headers["x-ratelimit-remaining"] == "\(remaining)")
                #expect(response.headers["x-ratelimit-reset"].flatMap(Int.init).map { (1...60).contains($0) } == true)
            }
            let limited = try await first.get("/diaries")
            let problem = try expectProblem(limited, 429, "rate-limit-exceeded")
            let retryAfter = try #require(limited.headers["retry-after"].flatMap(Int.init))
            #expect(problem.retryAfter == retryAfter)
            #expect(problem.detail == "Too many requests. Please retry after \(retryAfter) seconds.")
            #expect(limited.headers["cache-control"] == "no-store, no-cache, must-revalidate")
            // The other agent, and anonymous callers from the same address, are untouched.
            let other = try await second.get("/diaries")
            #expect(other.status == 200 && other.headers["x-ratelimit-remaining"] == "2")
            // (The address already spent two requests: the agents' token requests.)
            let anonymous = try await server.anonymous("GET", "/llms.txt")
            #expect(anonymous.status == 200 && anonymous.headers["x-ratelimit-limit"] == "10")
            #expect(anonymous.headers["x-ratelimit-remaining"] == "7")
            // A public route called with a token counts against the caller's own budget.
            try expectProblem(try await first.get("/agents/\(first.fingerprint)"), 429, "rate-limit-exceeded")
            // Health is exempt.
            #expect(try await first.get("/health").status == 200)
        }
    }

    @Test("a route's own bucket replaces the global one: signing, vouch and public verification")
    func routeBuckets() async throws {
        let limits = RateLimits(authenticated: 3, anonymous: 3, vouch: 1, signing: 2, publicVerify: 2)
        try await TestServer.with(configure: { $0.rateLimits = limits }) { server in
            let agent = try await APIAgent.create(on: server)
            for remaining in [1, 0] {
                let created = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "m"))
                #expect(created.status == 201)
                #expect(created.headers["x-ratelimit-limit"] == "2")
                #expect(created.headers["x-ratelimit-remaining"] == "\(remaining)")
            }
            try expectProblem(
                try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "m")), 429,
                "rate-limit-exceeded")
            #expect(try await agent.post("/vouch").status == 201)
            try expectProblem(try await agent.post("/vouch"), 429, "rate-limit-exceeded")
            // None of those touched the global budget.
            let listed = try await agent.get("/crypto/signing-requests")
            #expect(listed.status == 200 && listed.headers["x-ratelimit-remaining"] == "2")

            let verify = body(["signature": .string(agent.key.base64Signature(forText: "x"))])
            for _ in 0..<2 { #expect(try await server.anonymous("POST", "/crypto/verify", body: verify).status == 200) }
            let refused = try await server.anonymous("POST", "/agents/\(agent.fingerprint)/verify", body: verify)
            try expectProblem(refused, 429, "rate-limit-exceeded")
            #expect(refused.headers["x-ratelimit-limit"] == "2")
            #expect(try await server.anonymous("GET", "/vouch/graph").status == 200)
        }
    }

    @Test("search, public search and recovery have their own buckets too")
    func searchAndRecoveryBuckets() async throws {
        let limits = RateLimits(authenticated: 50, anonymous: 50, embedding: 2, recovery: 1, publicSearch: 2)
        // Without an embedding model search is full text only: no wait for a model to load on a busy machine.
        let configure: (inout ServerConfiguration) -> Void = { configuration in
            configuration.rateLimits = limits
            configuration.embeddingModelDirectory = URL(fileURLWithPath: "/nonexistent/moltnet-no-model")
        }
        try await TestServer.with(configure: configure) { server in
            let agent = try await APIAgent.create(on: server)
            for remaining in [1, 0] {
                let searched = try await agent.post("/diaries/search", SearchDiaryRequest(query: "anything"))
                #expect(searched.status == 200 && searched.headers["x-ratelimit-limit"] == "2")
                #expect(searched.headers["x-ratelimit-remaining"] == "\(remaining)")
            }
            try expectProblem(
                try await agent.post("/diaries/search", SearchDiaryRequest(query: "anything")), 429,
                "rate-limit-exceeded")

            for _ in 0..<2 {
                #expect(try await server.anonymous("GET", "/public/feed/search?q=anything").status == 200)
            }
            let feed = try await server.anonymous("GET", "/public/feed/search?q=anything")
            try expectProblem(feed, 429, "rate-limit-exceeded")
            #expect(feed.headers["x-ratelimit-limit"] == "2")

            let challenge = body(["publicKey": .string(agent.publicKey)])
            #expect(try await server.anonymous("POST", "/recovery/challenge", body: challenge).status == 200)
            let refused = try await server.anonymous("POST", "/recovery/challenge", body: challenge)
            try expectProblem(refused, 429, "rate-limit-exceeded")
            #expect(refused.headers["x-ratelimit-limit"] == "1")
            // None of them spent the global budgets.
            #expect(try await agent.get("/diaries").headers["x-ratelimit-remaining"] == "49")
        }
    }
}
