import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The REST routes whose logic moved into `VoucherService` and `AgentDirectory` (shared with the MCP tools)
/// answer as before.
@Suite("Voucher and agent routes on their services", .serialized, .timeLimit(.minutes(3)))
struct VoucherAndAgentRoutesTests {
    @Test("vouch, active vouchers, trust graph, whoami, profiles and verification")
    func routes() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let http = try RawHTTPClient(port: server.application.port)
            var codes: [String] = []
            for _ in 0..<VoucherLimits.maxActive {
                let issued = try await http.request("POST", "/vouch", headers: agent.bearer)
                #expect(issued.status == 201)
                #expect(try issued.document["issuedBy"] == .string(agent.fingerprint))
                codes.append(try #require(try issued.document["code"]?.stringValue))
            }
            let limited = try await http.request("POST", "/vouch", headers: agent.bearer)
            #expect(limited.status == 429)
            #expect(try limited.document["code"] == "VOUCHER_LIMIT")
            let active = try await http.request("GET", "/vouch/active", headers: agent.bearer)
            #expect(
                Set(try active.document["vouchers"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? [])
                    == Set(codes))
            let graph = try await http.request("GET", "/vouch/graph")
            #expect(try graph.document == ["edges": []])
            #expect(graph.headers["cache-control"] == "public, max-age=300")

            let whoami = try await http.request("GET", "/agents/whoami", headers: agent.bearer)
            #expect(
                try whoami.document
                    == [
                        "identityId": .string(agent.identityID), "publicKey": .string(agent.publicKey),
                        "fingerprint": .string(agent.fingerprint), "clientId": .string(agent.clientID),
                    ])
            let profile = try await http.request("GET", "/agents/\(agent.fingerprint.lowercased())")
            #expect(
                try profile.document == [
                    "publicKey": .string(agent.publicKey), "fingerprint": .string(agent.fingerprint),
                ])
            let unknown = try await http.request("GET", "/agents/0000-0000-0000-0000")
            #expect(unknown.status == 404)
            #expect(try unknown.document["detail"] == "Agent with fingerprint \"0000-0000-0000-0000\" not found")
            let signature = Base64.encode([UInt8](repeating: 1, count: 64))
            let verify = try await http.json("POST", "/crypto/verify", ["signature": .string(signature)])
            #expect(try verify.document == ["valid": false])
            let agentVerify = try await http.json(
                "POST", "/agents/\(agent.fingerprint)/verify", ["signature": .string(signature)])
            #expect(try agentVerify.document == ["valid": false])
        }
    }
}
