import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Signing requests: create, list, get, sign (spec §1.3, §3.3)", .timeLimit(.minutes(2)))
struct SigningRoutesTests {
    @Test("POST /crypto/signing-requests answers 201 pending with signingInput = base64 of the moltnet:v1 bytes")
    func create() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let message = "line one\r\nline two — ünïcödé 🙂 \t "
            let request = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: message))
                .decode(SigningRequest.self, status: 201)
            #expect(request.agentId == agent.agentID)
            #expect(request.message == message)
            #expect(request.status == .pending)
            #expect(request.signature == nil && request.valid == nil && request.completedAt == nil)
            let payload = SigningPayload(message: message, nonce: request.nonce.description)
            #expect(request.signingInput == payload.base64)
            #expect(payload.bytes.count == 86)
            let lifetime = request.expiresAt.timeIntervalSince(request.createdAt)
            #expect(lifetime > 299 && lifetime < 301)
            try expectValidationFailure(
                try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "")), field: "/message")
            try expectValidationFailure(
                try await agent.send("POST", "/crypto/signing-requests", body: body([:])), field: "message")
            // Postgres text cannot hold NUL: refused, never stored truncated (which would sign other bytes).
            try expectProblem(
                try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "before\u{0}after")), 400,
                "validation-failed", detail: "Text must not contain NUL characters (\\u0000)")
            #expect(try await agent.get("/crypto/signing-requests").decode(SigningRequestList.self).total == 1)
            try expectProblem(
                try await server.anonymous("POST", "/crypto/signing-requests", body: body(["message": "x"])), 401,
                "unauthorized")
        }
    }

    @Test("signing with the agent's key completes valid; a second signature is 409 already-completed")
    func signValid() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let request = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "I was here"))
                .decode(SigningRequest.self, status: 201)
            let input = try #require(Base64.decode(request.signingInput))
            let signature = agent.key.base64Signature(for: input)
            let signed = try await agent.post(
                "/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: signature)
            ).decode(SigningRequest.self)
            #expect(signed.status == .completed)
            #expect(signed.valid == true)
            #expect(signed.signature == signature)
            #expect(signed.completedAt != nil)
            let again = try await agent.post(
                "/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: signature))
            try expectProblem(again, 409, "signing-request-already-completed")
            let fetched = try await agent.get("/crypto/signing-requests/\(request.id)").decode(SigningRequest.self)
            #expect(fetched == signed)
        }
    }

    @Test("a signature by another key still answers 200: completed with valid false, and no retry")
    func signInvalid() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let request = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "mine"))
                .decode(SigningRequest.self, status: 201)
            let forged = Ed25519PrivateKey.generate().base64Signature(
                for: try #require(Base64.decode(request.signingInput)))
            let response = try await agent.post(
                "/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: forged))
            let result = try response.decode(SigningRequest.self)
            #expect(result.status == .completed)
            #expect(result.valid == false)
            let honest = agent.key.base64Signature(for: try #require(Base64.decode(request.signingInput)))
            try expectProblem(
                try await agent.post("/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: honest)),
                409, "signing-request-already-completed")
            try expectValidationFailure(
                try await agent.post(
                    "/crypto/signing-requests/\(request.id)/sign",
                    SignatureBody(signature: String(repeating: "A", count: 89))),
                field: "/signature")
        }
    }

    @Test("requests are the caller's own: others' and missing ones are 404 on get and sign")
    func ownership() async throws {
        try await TestServer.with { server in
            let (owner, other) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let request = try await owner.post("/crypto/signing-requests", NewSigningRequest(message: "private"))
                .decode(SigningRequest.self, status: 201)
            let detail = "Signing request not found"
            try expectProblem(
                try await other.get("/crypto/signing-requests/\(request.id)"), 404, "not-found", detail: detail)
            try expectProblem(
                try await other.post(
                    "/crypto/signing-requests/\(request.id)/sign",
                    SignatureBody(signature: other.key.base64Signature(forText: "x"))),
                404, "not-found", detail: detail)
            try expectProblem(
                try await owner.get("/crypto/signing-requests/\(UUID())"), 404, "not-found", detail: detail)
            try expectValidationFailure(try await owner.get("/crypto/signing-requests/nope"), field: "/id")
            #expect(try await other.get("/crypto/signing-requests").decode(SigningRequestList.self).total == 0)
            let untouched = try await owner.get("/crypto/signing-requests/\(request.id)").decode(SigningRequest.self)
            #expect(untouched.status == .pending)
        }
    }

    @Test("GET /crypto/signing-requests: newest first, status filter, limit/offset and the true total")
    func list() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            var requests: [SigningRequest] = []
            for index in 0..<4 {
                requests.append(
                    try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "m\(index)"))
                        .decode(SigningRequest.self, status: 201))
            }
            let done = requests[1]
            _ = try await agent.post(
                "/crypto/signing-requests/\(done.id)/sign",
                SignatureBody(signature: agent.key.base64Signature(for: try #require(Base64.decode(done.signingInput))))
            ).decode(SigningRequest.self)
            let all = try await agent.get("/crypto/signing-requests").decode(SigningRequestList.self)
            #expect(all.items.map(\.id) == requests.reversed().map(\.id))
            #expect(all.total == 4 && all.limit == 20 && all.offset == 0)
            let page = try await agent.get("/crypto/signing-requests?limit=2&offset=1").decode(SigningRequestList.self)
            #expect(page.items.map(\.id) == [requests[2].id, requests[1].id])
            #expect(page.total == 4)
            let pending = try await agent.get("/crypto/signing-requests?status=pending").decode(SigningRequestList.self)
            #expect(pending.items.map(\.id) == [requests[3].id, requests[2].id, requests[0].id])
            #expect(pending.total == 3)
            let completed = try await agent.get("/crypto/signing-requests?status=completed&limit=1").decode(
                SigningRequestList.self)
            #expect(completed.items.map(\.id) == [done.id] && completed.total == 1)
            let either = try await agent.get("/crypto/signing-requests?status=completed,expired").decode(
                SigningRequestList.self)
            #expect(either.total == 1)
            try expectValidationFailure(
                try await agent.get("/crypto/signing-requests?status=signed"), field: "/status")
            try expectValidationFailure(try await agent.get("/crypto/signing-requests?limit=101"), field: "/limit")
        }
    }

    @Test(
        "expiry: a late signature is 409 signing-request-expired, the workflow marks it expired, and expiry wins over completion"
    )
    func expiry() async throws {
        try await TestServer.with(configure: { $0.signingRequestLifetimeSeconds = 3 }) { server in
            let agent = try await APIAgent.create(on: server)
            let late = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "too slow"))
                .decode(SigningRequest.self, status: 201)
            let early = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "quick"))
                .decode(SigningRequest.self, status: 201)
            let signed = try await agent.post(
                "/crypto/signing-requests/\(early.id)/sign",
                SignatureBody(
                    signature: agent.key.base64Signature(for: try #require(Base64.decode(early.signingInput))))
            ).decode(SigningRequest.self)
            #expect(signed.status == .completed && signed.valid == true)

            let deadline = ContinuousClock.now + .seconds(20)
            var current = late
            while current.status != .expired, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                current = try await agent.get("/crypto/signing-requests/\(late.id)").decode(SigningRequest.self)
            }
            #expect(current.status == .expired)
            #expect(current.signature == nil && current.valid == nil)
            let signature = agent.key.base64Signature(for: try #require(Base64.decode(late.signingInput)))
            try expectProblem(
                try await agent.post("/crypto/signing-requests/\(late.id)/sign", SignatureBody(signature: signature)),
                409, "signing-request-expired")
            // Completed, but past its expiry: the expired check comes first. `early` was made after `late`, so it
            // may expire a moment later on a slow machine.
            let untilEarlyExpires = early.expiresAt.timeIntervalSinceNow
            if untilEarlyExpires > 0 { try await Task.sleep(for: .milliseconds(Int(untilEarlyExpires * 1000) + 100)) }
            try expectProblem(
                try await agent.post(
                    "/crypto/signing-requests/\(early.id)/sign", SignatureBody(signature: signed.signature ?? "")),
                409, "signing-request-expired")
            let expired = try await agent.get("/crypto/signing-requests?status=expired").decode(SigningRequestList.self)
            #expect(expired.items.map(\.id) == [late.id])
        }
    }
}
