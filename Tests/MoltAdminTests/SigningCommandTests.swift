import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `sign` and `verify`: local signatures with the credentials' key (the spec's vectors), and signing
/// requests signed and submitted, then verified by the server.
@Suite("molt-admin sign and verify", .timeLimit(.minutes(3)))
struct SigningCommandTests {
    /// A credentials file holding the fixture key of `test-fixtures/crypto-vectors.json`'s signing vectors.
    static func writeVectorCredentials(to path: String) throws -> (key: Ed25519PrivateKey, vectors: JSONValue) {
        let vectors = try #require(JSONValue.parse(Array(try Fixtures.data("crypto-vectors.json"))))
        let seed = try #require(vectors["signing_vectors"]?["private_key_base64"]?.stringValue)
        let key = try Ed25519PrivateKey(seedBase64: seed)
        try CredentialsFile(path: path).write(
            MoltNetConfig(
                identityID: UUID().uuidString.lowercased(), oauth2: .init(clientID: "c", clientSecret: Secret("s")),
                keys: .init(
                    publicKey: key.publicKey.wireValue, privateKey: Secret(seed),
                    fingerprint: key.publicKey.fingerprint.value),
                endpoints: .init(api: "http://127.0.0.1:1"), registeredAt: "2026-01-01T00:00:00Z"))
        return (key, vectors)
    }

    @Test("sign reproduces the spec's signatures, raw and in the moltnet:v1 framing; verify checks them locally")
    func localSignatures() async throws {
        try await AdminHarness.offline { admin in
            let (key, vectors) = try Self.writeVectorCredentials(to: admin.credentialsPath)
            for vector in try #require(vectors["signing_vectors"]?["vectors"]?.arrayValue) {
                let message = try #require(vector["message"]?.stringValue)
                let nonce = try #require(vector["nonce"]?.stringValue)
                // A NUL cannot travel in argv: such a message goes through standard input.
                let framed: CommandOutcome
                if message.contains("\0") {
                    let input = admin.home + "/nul-message.txt"
                    try Data(message.utf8).write(to: URL(fileURLWithPath: input))
                    framed = try await admin.run(["sign", "--message", "-", "--nonce", nonce], stdin: input)
                } else {
                    framed = try await admin.run(["sign", "--message", message, "--nonce", nonce])
                }
                #expect(framed.status == 0, "\(framed)")
                #expect(framed.stdout == (vector["signature_base64"]?.stringValue ?? "") + "\n", "\(vector)")
            }
            let plain = try #require(vectors["vectors"]?.arrayValue?.first)
            let plainSignature = try await admin.run(["sign", "--message", plain["sign_input"]?.stringValue ?? ""])
            #expect(plainSignature.stdout == (plain["signature_base64"]?.stringValue ?? "") + "\n")
            let first = try #require(vectors["signing_vectors"]?["vectors"]?.arrayValue?.first)
            let message = try #require(first["message"]?.stringValue)
            let nonce = try #require(first["nonce"]?.stringValue)
            let expected = try #require(first["signature_base64"]?.stringValue)

            let raw = try await admin.run(["sign", "--message", "hello", "--json"])
            let document = try #require(JSONValue.parse(Array(raw.stdout.utf8)))
            let signature = try #require(document["signature"]?.stringValue)
            #expect(
                document["payload"]?.stringValue == "raw"
                    && document["fingerprint"]?.stringValue == key.publicKey.fingerprint.value)
            #expect(key.publicKey.isValidSignature(base64: signature, for: Array("hello".utf8)))

            let input = admin.home + "/message.txt"
            try "line one\r\nline two\n".write(toFile: input, atomically: true, encoding: .utf8)
            let piped = try await admin.run(["sign", "--message", "-"], stdin: input)
            #expect(
                key.publicKey.isValidSignature(
                    base64: String(piped.stdout.dropLast()), for: Array("line one\r\nline two\n".utf8)))

            let valid = try await admin.run(["verify", "--signature", signature, "--message", "hello"])
            #expect(valid.status == 0 && valid.stdout == "valid\n")
            let invalid = try await admin.run(["verify", "--signature", signature, "--message", "hello!"])
            #expect(invalid.status == 1 && invalid.stdout == "invalid\n" && invalid.stderr == "")
            let byKey = try await admin.run([
                "verify", "--signature", expected, "--message", message, "--nonce", nonce, "--public-key",
                key.publicKey.wireValue,
            ])
            #expect(byKey.status == 0, "\(byKey)")
        }
    }

    @Test("sign --request-id signs a pending request and submits it; the server then verifies the signature")
    func signingRequest() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let config = try #require(try CredentialsFile(path: admin.credentialsPath).read()?.config)
            let client = MoltAPIClient(
                baseURL: try #require(admin.server).baseURL, credentials: config.clientCredentials)
            let request = try await client.createSigningRequest(message: "I approve release 1.4")
            let signed = try await admin.json(["sign", "--request-id", request.id.description])
            #expect(signed["status"]?.stringValue == "completed" && signed["valid"]?.boolValue == true)
            let signature = try #require(signed["signature"]?.stringValue)

            let again = try await admin.run(["sign", "--request-id", request.id.description])
            #expect(
                again.status == 1 && again.stderr == "error: signing request \(request.id) is completed, not pending\n")

            let server = try await admin.run(["verify", "--signature", signature])
            #expect(server.status == 0 && server.stdout == "valid\n", "\(server)")
            let byAgent = try await admin.json([
                "verify", "--signature", signature, "--fingerprint", config.keys.fingerprint,
            ])
            #expect(byAgent["valid"]?.boolValue == true && byAgent["signer"]?.stringValue == config.keys.fingerprint)
            #expect(byAgent["checkedBy"]?.stringValue == "server")
            let local = try await admin.run([
                "verify", "--signature", signature, "--message", request.message, "--nonce", request.nonce.description,
                "--fingerprint", config.keys.fingerprint,
            ])
            #expect(local.status == 0, "\(local)")
            let unknown = try await admin.run(["verify", "--signature", String(repeating: "A", count: 86) + "=="])
            #expect(unknown.status == 1 && unknown.stdout == "invalid\n")
        }
    }
}
