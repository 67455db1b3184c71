import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Bad input on `/recovery/challenge` and `/recovery/verify` (issue 4): malformed keys, HMACs that are not 64
/// lower-case hex characters, over-long fields and missing members are 400 validation problems naming the field,
/// checked before any challenge is looked at.
@Suite("Recovery routes: bad input is a 400 validation problem", .timeLimit(.minutes(2)))
struct RecoveryInputTests {
    @Test("POST /recovery/challenge rejects a malformed, over-long or missing publicKey")
    func challengeInput() async throws {
        try await TestServer.with(configure: RecoveryTests.configure) { server in
            let tooLong = "ed25519:" + String(repeating: "A", count: 53)
            let cases: [(JSONValue, String)] = [
                (["publicKey": "not-a-key"], "/publicKey"),
                (["publicKey": "ed25519:"], "/publicKey"),
                (["publicKey": "ed25519:has spaces!"], "/publicKey"),
                (["publicKey": "rsa:AAAA"], "/publicKey"),
                (["publicKey": .string(tooLong)], "/publicKey"),
                (["publicKey": 42], "/publicKey"),
                ([:], "publicKey"),
            ]
            for (document, field) in cases {
                try expectValidationFailure(
                    try await server.anonymous("POST", "/recovery/challenge", body: body(document)), field: field)
            }
            let key = Ed25519PrivateKey.generate().publicKey.wireValue
            #expect(
                try await server.anonymous("POST", "/recovery/challenge", body: body(["publicKey": .string(key)]))
                    .status == 200)
        }
    }

    @Test("POST /recovery/verify rejects bad hmac, challenge, signature and publicKey, and missing members")
    func verifyInput() async throws {
        try await TestServer.with(configure: RecoveryTests.configure) { server in
            let key = Ed25519PrivateKey.generate()
            let challenge = "moltnet:recovery:\(key.publicKey.wireValue):\(String(repeating: "0", count: 64)):1"
            let valid: [String: JSONValue] = [
                "challenge": .string(challenge), "hmac": .string(String(repeating: "a", count: 64)),
                "signature": .string(key.base64Signature(forText: challenge)),
                "publicKey": .string(key.publicKey.wireValue),
            ]
            func with(_ name: String, _ value: JSONValue?) -> JSONValue {
                var document = valid
                document[name] = value
                return .object(document)
            }
            let cases: [(JSONValue, String)] = [
                (with("hmac", .string(String(repeating: "a", count: 63))), "/hmac"),
                (with("hmac", .string(String(repeating: "a", count: 65))), "/hmac"),
                (with("hmac", .string(String(repeating: "A", count: 64))), "/hmac"),
                (with("hmac", .string(String(repeating: "g", count: 64))), "/hmac"),
                (with("hmac", ""), "/hmac"),
                (with("challenge", ""), "/challenge"),
                (with("challenge", .string(String(repeating: "c", count: 501))), "/challenge"),
                (with("signature", ""), "/signature"),
                (with("signature", .string(String(repeating: "s", count: 89))), "/signature"),
                (with("publicKey", "ed25519"), "/publicKey"),
                (with("publicKey", .string("ed25519:" + String(repeating: "A", count: 53))), "/publicKey"),
                (with("hmac", nil), "hmac"),
                (with("challenge", nil), "challenge"),
                (with("signature", nil), "signature"),
                (with("publicKey", nil), "publicKey"),
            ]
            for (document, field) in cases {
                try expectValidationFailure(
                    try await server.anonymous("POST", "/recovery/verify", body: body(document)), field: field)
            }
            // The well-formed body gets past validation to the challenge checks (its HMAC is wrong).
            let checked = try await server.anonymous("POST", "/recovery/verify", body: body(.object(valid)))
            #expect(checked.status == 400)
            #expect(try checked.json()["code"] as? String == "INVALID_CHALLENGE")
        }
    }
}
