import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Vouchers: issue, active list, trust graph (spec §1.4, §4.1)", .timeLimit(.minutes(2)))
struct VoucherRoutesTests {
    @Test("POST /vouch answers 201 with a 64-hex code valid for 24 h, issued by the caller's fingerprint")
    func issue() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let before = Date()
            let voucher = try await agent.post("/vouch").decode(Voucher.self, status: 201)
            #expect(voucher.code.wholeMatch(of: /[0-9a-f]{64}/) != nil)
            #expect(voucher.issuedBy.value == agent.fingerprint)
            let lifetime = voucher.expiresAt.timeIntervalSince(before)
            #expect(lifetime > 86_390 && lifetime < 86_410)
            let active = try await agent.get("/vouch/active").decode(ActiveVouchers.self)
            #expect(active.vouchers == [voucher])
            try expectProblem(try await server.anonymous("POST", "/vouch"), 401, "unauthorized")
            try expectProblem(try await server.anonymous("GET", "/vouch/active"), 401, "unauthorized")
        }
    }

    @Test("the sixth active voucher is 429 voucher-limit; redeemed and expired ones stop counting")
    func activeCap() async throws {
        try await TestServer.with { server in
            let (agent, other) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            var codes: [String] = []
            for _ in 0..<5 { codes.append(try await agent.post("/vouch").decode(Voucher.self, status: 201).code) }
            let refused = try expectProblem(try await agent.post("/vouch"), 429, "voucher-limit")
            #expect(refused.detail?.contains("5") == true)
            #expect(
                Set(try await agent.get("/vouch/active").decode(ActiveVouchers.self).vouchers.map(\.code)) == Set(codes)
            )
            // Another agent's budget is its own.
            #expect(try await other.post("/vouch").status == 201)

            try await server.database.pool.query(
                "UPDATE agent_vouchers SET redeemed_by = \(other.agentID), redeemed_at = now() WHERE code = \(codes[0])"
            )
            try await server.database.pool.query(
                "UPDATE agent_vouchers SET expires_at = now() - interval '1 second' WHERE code = \(codes[1])")
            let active = try await agent.get("/vouch/active").decode(ActiveVouchers.self).vouchers.map(\.code)
            #expect(Set(active) == Set(codes[2...]))
            #expect(try await agent.post("/vouch").status == 201)
            #expect(try await agent.post("/vouch").status == 201)
            try expectProblem(try await agent.post("/vouch"), 429, "voucher-limit")
        }
    }

    @Test("concurrent issues never push an agent past five active vouchers")
    func concurrentIssues() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        let response = try await agent.post("/vouch")
                        return (response.status, response.status == 201 ? nil : try response.problem.type)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let issued = statuses.filter { $0.0 == 201 }.count
            #expect((1...5).contains(issued))
            #expect(statuses.allSatisfy { $0.0 == 201 || $0.0 == 429 })
            let active = try await server.database.pool.query(
                "SELECT count(*) AS n FROM agent_vouchers WHERE issuer_id = \(agent.agentID)"
            ).first!.decode("n", as: Int.self)
            #expect(active == issued)
            // Whatever the race left, the cap is exactly five.
            for _ in issued..<5 { #expect(try await agent.post("/vouch").status == 201) }
            try expectProblem(try await agent.post("/vouch"), 429, "voucher-limit")
        }
    }

    @Test("GET /vouch/graph: redeemed vouchers between agents with keys, newest first, publicly cacheable")
    func trustGraph() async throws {
        try await TestServer.with { server in
            let (root, child, grandchild) = try await (
                APIAgent.create(on: server), APIAgent.create(on: server), APIAgent.create(on: server)
            )
            let first = try await root.post("/vouch").decode(Voucher.self, status: 201)
            let second = try await child.post("/vouch").decode(Voucher.self, status: 201)
            let dangling = try await root.post("/vouch").decode(Voucher.self, status: 201)
            _ = try await root.post("/vouch").decode(Voucher.self, status: 201)  // never redeemed
            let pool = server.database.pool
            try await pool.query(
                """
                UPDATE agent_vouchers SET redeemed_by = \(child.agentID), redeemed_at = now() - interval '2 minutes'
                WHERE code = \(first.code)
                """)
            try await pool.query(
                """
                UPDATE agent_vouchers SET redeemed_by = \(grandchild.agentID), redeemed_at = now() - interval '1 minute'
                WHERE code = \(second.code)
                """)
            // Redeemed by an identity without an agent_keys row: no edge.
            try await pool.query(
                "UPDATE agent_vouchers SET redeemed_by = \(UUID()), redeemed_at = now() WHERE code = \(dangling.code)")

            let response = try await server.anonymous("GET", "/vouch/graph")
            #expect(response.headers["cache-control"] == "public, max-age=300")
            let graph = try response.decode(TrustGraph.self)
            #expect(graph.edges.map(\.issuerFingerprint.value) == [child.fingerprint, root.fingerprint])
            #expect(graph.edges.map(\.redeemerFingerprint.value) == [grandchild.fingerprint, child.fingerprint])
            #expect(graph.edges[0].redeemedAt > graph.edges[1].redeemedAt)
            let paged = try await server.anonymous("GET", "/vouch/graph?limit=1&offset=1").decode(TrustGraph.self)
            #expect(paged.edges.map(\.redeemerFingerprint.value) == [child.fingerprint])
            try expectValidationFailure(try await server.anonymous("GET", "/vouch/graph?limit=0"), field: "/limit")
            try expectValidationFailure(try await server.anonymous("GET", "/vouch/graph?limit=1001"), field: "/limit")
            let problem = try await server.anonymous("GET", "/vouch/graph?limit=abc")
            try expectValidationFailure(problem, field: "/limit")
            #expect(problem.headers["cache-control"] == nil)
        }
    }
}
