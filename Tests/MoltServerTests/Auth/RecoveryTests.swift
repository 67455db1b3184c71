import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Recovery with the agent's private key (spec §3.5)", .timeLimit(.minutes(2)))
struct RecoveryTests {
    static let secret = "recovery-secret-for-tests-0123456789"

    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.recoveryChallengeSecret = secret
    }

    @Test("challenge → signed verify → one-time code → the link hands out new credentials, the old secret dies")
    func fullFlow() async throws {
        try await TestServer.with(configure: Self.configure) { server in
            let client = AuthFlowClient(port: server.application.port)
            let agent = try await GenesisAgent.make(on: server)
            let publicKey = agent.key.publicKey.wireValue
            let issued = try client.decode(
                RecoveryChallengeResponse.self,
                try await client.call(
                    "POST", "/recovery/challenge", json: RecoveryChallengeRequest(publicKey: publicKey)))
            #expect(issued.challenge.hasPrefix("moltnet:recovery:\(publicKey):"))
            #expect(issued.hmac.count == 64)
            let signature = agent.key.base64Signature(forText: issued.challenge)
            let verifyRequest = RecoveryVerifyRequest(
                challenge: issued.challenge, hmac: issued.hmac, signature: signature, publicKey: publicKey)
            let verified = try await client.call("POST", "/recovery/verify", json: verifyRequest)
            #expect(verified.status == 200)
            #expect(verified.headers["cache-control"] == "no-store, no-cache, must-revalidate, private")
            let recovery = try client.decode(RecoveryVerifyResponse.self, verified)
            let link = try #require(URLComponents(string: recovery.recoveryFlowUrl))
            let target = link.path + "?" + (link.query ?? "")
            let wrong = try await client.call("POST", target, json: ["code": "000000"])
            #expect(wrong.status == 401)
            let completed = try await client.call("POST", target, json: ["code": recovery.recoveryCode.value])
            #expect(completed.status == 200)
            let credentials = try client.decode(RotateSecretResponse.self, completed)
            #expect(credentials.clientId == agent.clientID)
            #expect(try await client.token(clientID: agent.clientID, secret: agent.secret).token == nil)
            #expect(
                try await client.token(clientID: agent.clientID, secret: credentials.clientSecret.value).token != nil)
            let reused = try await client.call("POST", target, json: ["code": recovery.recoveryCode.value])
            #expect(reused.status == 401)
            let replay = try await client.call("POST", "/recovery/verify", json: verifyRequest)
            #expect(replay.status == 400)
            #expect(try replay.json()["detail"] as? String == "Challenge already used")
        }
    }

    @Test("unknown keys get a challenge too, but verification fails like a bad signature")
    func unknownKey() async throws {
        try await TestServer.with(configure: Self.configure) { server in
            let client = AuthFlowClient(port: server.application.port)
            let stranger = Ed25519PrivateKey.generate()
            let issued = try client.decode(
                RecoveryChallengeResponse.self,
                try await client.call(
                    "POST", "/recovery/challenge",
                    json: RecoveryChallengeRequest(publicKey: stranger.publicKey.wireValue)))
            let response = try await client.call(
                "POST", "/recovery/verify",
                json: RecoveryVerifyRequest(
                    challenge: issued.challenge, hmac: issued.hmac,
                    signature: stranger.base64Signature(forText: issued.challenge),
                    publicKey: stranger.publicKey.wireValue))
            #expect(response.status == 400)
            #expect(try response.json()["code"] as? String == "INVALID_SIGNATURE")
            #expect(try response.json()["detail"] as? String == "Ed25519 signature verification failed")
        }
    }

    @Test(
        "tampered, foreign, stale and future challenges are refused in the reference's order",
        arguments: [
            ("format", "Invalid challenge format"), ("key", "Challenge was issued for a different key"),
            ("hmac", "Invalid HMAC"), ("timestamp", "Invalid challenge timestamp"), ("expired", "Challenge expired"),
            ("future", "Challenge timestamp is in the future"),
        ])
    func refusals(kind: String, detail: String) async throws {
        try await TestServer.with(configure: Self.configure) { server in
            let client = AuthFlowClient(port: server.application.port)
            let agent = try await GenesisAgent.make(on: server)
            let publicKey = agent.key.publicKey.wireValue
            let nonce = Hex.encode(SecureRandom.bytes(32))
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            func challenge(key: String = publicKey, time: String = "\(now)") -> String {
                "moltnet:recovery:\(key):\(nonce):\(time)"
            }
            func mac(_ text: String) -> String {
                Hex.encode(Digest.hmacSHA256(key: Array(Self.secret.utf8), message: Array(text.utf8)))
            }
            let text: String
            var hmac: String? = nil
            switch kind {
            case "format": text = "moltnet:recovery:\(publicKey)"
            case "key": text = challenge(key: Ed25519PrivateKey.generate().publicKey.wireValue)
            case "hmac":
                text = challenge()
                hmac = String(repeating: "0", count: 64)
            case "timestamp": text = challenge(time: "soon")
            case "expired": text = challenge(time: "\(now - 301_000)")
            default: text = challenge(time: "\(now + 60_000)")
            }
            let response = try await client.call(
                "POST", "/recovery/verify",
                json: RecoveryVerifyRequest(
                    challenge: text, hmac: hmac ?? mac(text), signature: agent.key.base64Signature(forText: text),
                    publicKey: publicKey))
            #expect(response.status == 400)
            #expect(try response.json()["code"] as? String == "INVALID_CHALLENGE")
            #expect(try response.json()["detail"] as? String == detail)
        }
    }

    @Test("a failed signature still burns the challenge")
    func nonceBurn() async throws {
        try await TestServer.with(configure: Self.configure) { server in
            let client = AuthFlowClient(port: server.application.port)
            let agent = try await GenesisAgent.make(on: server)
            let publicKey = agent.key.publicKey.wireValue
            let issued = try client.decode(
                RecoveryChallengeResponse.self,
                try await client.call(
                    "POST", "/recovery/challenge", json: RecoveryChallengeRequest(publicKey: publicKey)))
            let bad = try await client.call(
                "POST", "/recovery/verify",
                json: RecoveryVerifyRequest(
                    challenge: issued.challenge, hmac: issued.hmac,
                    signature: Ed25519PrivateKey.generate().base64Signature(forText: issued.challenge),
                    publicKey: publicKey))
            #expect(bad.status == 400)
            let good = try await client.call(
                "POST", "/recovery/verify",
                json: RecoveryVerifyRequest(
                    challenge: issued.challenge, hmac: issued.hmac,
                    signature: agent.key.base64Signature(forText: issued.challenge), publicKey: publicKey))
            #expect(try good.json()["detail"] as? String == "Challenge already used")
        }
    }
}
