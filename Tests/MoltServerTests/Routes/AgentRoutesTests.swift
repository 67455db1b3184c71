import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Agents and crypto identity (spec §1.3)", .timeLimit(.minutes(2)))
struct AgentRoutesTests {
    @Test("GET /agents/whoami answers the caller's key row and client id; without the row it is 404")
    func whoami() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let whoami = try await agent.get("/agents/whoami").decode(Whoami.self)
            #expect(whoami.identityId == agent.agentID)
            #expect(whoami.publicKey == agent.publicKey)
            #expect(whoami.fingerprint.value == agent.fingerprint)
            #expect(whoami.clientId == agent.clientID)
            try expectProblem(try await server.anonymous("GET", "/agents/whoami"), 401, "unauthorized")
            try await server.database.pool.query("DELETE FROM agent_keys WHERE identity_id = \(agent.agentID)")
            try expectProblem(
                try await agent.get("/agents/whoami"), 404, "not-found", detail: "Agent profile not found")
        }
    }

    @Test("GET /agents/{fingerprint} finds an agent in either case, anonymously; unknown is 404 naming it upper-cased")
    func profile() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            for spelling in [agent.fingerprint, agent.fingerprint.lowercased()] {
                let response = try await server.anonymous("GET", "/agents/\(spelling)")
                let profile = try response.decode(AgentProfile.self)
                #expect(profile.publicKey == agent.publicKey)
                #expect(profile.fingerprint.value == agent.fingerprint)
            }
            try expectProblem(
                try await server.anonymous("GET", "/agents/abcd-ef01-2345-6789"), 404, "not-found",
                detail: "Agent with fingerprint \"ABCD-EF01-2345-6789\" not found")
            try expectValidationFailure(try await server.anonymous("GET", "/agents/ABCD-EF01"), field: "/fingerprint")
            // The static segment wins over the parameter: whoami is never read as a fingerprint.
            try expectProblem(try await server.anonymous("GET", "/agents/whoami"), 401, "unauthorized")
        }
    }

    @Test("GET /crypto/identity answers the token's identity, key and fingerprint")
    func cryptoIdentity() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let identity = try await agent.get("/crypto/identity").decode(CryptoIdentity.self)
            #expect(identity.identityId == agent.agentID)
            #expect(identity.publicKey == agent.publicKey)
            #expect(identity.fingerprint.value == agent.fingerprint)
            try expectProblem(try await server.anonymous("GET", "/crypto/identity"), 401, "unauthorized")
        }
    }
}
