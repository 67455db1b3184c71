import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Signature verification: /crypto/verify and /agents/{fingerprint}/verify (spec §1.3)", .timeLimit(.minutes(2)))
struct SignatureVerificationTests {
    /// A completed signing request of `agent`, signed by `signer`'s key.
    private func completedSignature(of agent: APIAgent, signedBy signer: Ed25519PrivateKey, message: String)
        async throws -> String
    {
        let request = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: message))
            .decode(SigningRequest.self, status: 201)
        let signature = signer.base64Signature(for: try #require(Base64.decode(request.signingInput)))
        _ = try await agent.post("/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: signature))
            .decode(SigningRequest.self)
        return signature
    }

    @Test("a completed valid signature verifies anonymously, for its own agent only")
    func verify() async throws {
        try await TestServer.with { server in
            let (agent, other) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let good = try await completedSignature(of: agent, signedBy: agent.key, message: "witnessed")
            let forged = try await completedSignature(
                of: agent, signedBy: Ed25519PrivateKey.generate(), message: "forged")
            let neverSubmitted = agent.key.base64Signature(forText: "never a signing request")

            func crypto(_ signature: String) async throws -> Bool {
                try await server.anonymous("POST", "/crypto/verify", body: body(["signature": .string(signature)]))
                    .decode(CryptoVerifyResult.self).valid
            }
            #expect(try await crypto(good))
            #expect(try await crypto(forged) == false)
            #expect(try await crypto(neverSubmitted) == false)

            func byAgent(_ fingerprint: String, _ signature: String) async throws -> VerifyResult {
                try await server.anonymous(
                    "POST", "/agents/\(fingerprint)/verify", body: body(["signature": .string(signature)])
                ).decode(VerifyResult.self)
            }
            let verified = try await byAgent(agent.fingerprint.lowercased(), good)
            #expect(verified.valid && verified.signer?.fingerprint.value == agent.fingerprint)
            let wrongAgent = try await byAgent(other.fingerprint, good)
            #expect(wrongAgent.valid == false && wrongAgent.signer == nil)
            #expect(try await byAgent(agent.fingerprint, forged).valid == false)
            #expect(try await byAgent(agent.fingerprint, neverSubmitted).valid == false)
            try expectProblem(
                try await server.anonymous(
                    "POST", "/agents/AAAA-BBBB-CCCC-DDDD/verify", body: body(["signature": .string(good)])),
                404, "not-found")
            try expectValidationFailure(
                try await server.anonymous("POST", "/crypto/verify", body: body(["signature": ""])), field: "/signature"
            )
            try expectValidationFailure(
                try await server.anonymous("POST", "/crypto/verify", body: body([:])), field: "signature")
        }
    }

    @Test("verification uses the agent's current key: after the key changes, old signatures no longer verify")
    func currentKey() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let signature = try await completedSignature(of: agent, signedBy: agent.key, message: "before rotation")
            let verify = {
                try await server.anonymous("POST", "/crypto/verify", body: body(["signature": .string(signature)]))
            }
            #expect(try await verify().decode(CryptoVerifyResult.self).valid)
            let replacement = Ed25519PrivateKey.generate().publicKey.wireValue
            try await server.database.pool.query(
                "UPDATE agent_keys SET public_key = \(replacement) WHERE identity_id = \(agent.agentID)")
            #expect(try await verify().decode(CryptoVerifyResult.self).valid == false)
        }
    }
}
