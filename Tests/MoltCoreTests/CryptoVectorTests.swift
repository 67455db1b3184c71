import Foundation
import MoltCore
import MoltTestSupport
import Testing

/// The shared fixture `Tests/Fixtures/crypto-vectors.json` (spec §8).
struct CryptoVectors: Decodable {
    struct KeyVector: Decodable {
        let private_key_base64: String
        let public_key: String
        let fingerprint: String
        let sign_input: String
        let signature_base64: String
    }

    struct SigningVector: Decodable {
        let comment: String
        let message: String
        let nonce: String
        let signing_bytes_hex: String
        let signing_input_base64: String
        let signature_base64: String
    }

    struct SigningVectors: Decodable {
        let private_key_base64: String
        let public_key: String
        let vectors: [SigningVector]
    }

    let vectors: [KeyVector]
    let signing_vectors: SigningVectors

    static func load() throws -> CryptoVectors {
        try JSONDecoder().decode(CryptoVectors.self, from: Fixtures.data("crypto-vectors.json"))
    }
}

@Suite("Ed25519 keys, fingerprints and signatures against the shared vectors")
struct CryptoVectorTests {
    @Test("each seed derives the vector's public key, fingerprint and plain signature")
    func keyVectors() throws {
        let vectors = try CryptoVectors.load().vectors
        #expect(vectors.count == 2)
        for vector in vectors {
            let key = try Ed25519PrivateKey(seedBase64: vector.private_key_base64)
            #expect(key.publicKey.wireValue == vector.public_key)
            #expect(key.publicKey.fingerprint.value == vector.fingerprint)
            #expect(key.base64Signature(forText: vector.sign_input) == vector.signature_base64)
            #expect(key.seedBase64 == vector.private_key_base64)
            let parsed = try Ed25519PublicKey(parsing: vector.public_key)
            #expect(parsed.isValidSignature(base64: vector.signature_base64, for: Array(vector.sign_input.utf8)))
            #expect(
                !parsed.isValidSignature(base64: vector.signature_base64, for: Array((vector.sign_input + "x").utf8)))
        }
    }

    @Test("moltnet:v1 signing bytes, their base64 and the signature match every signing vector")
    func signingVectors() throws {
        let fixture = try CryptoVectors.load().signing_vectors
        let key = try Ed25519PrivateKey(seedBase64: fixture.private_key_base64)
        #expect(key.publicKey.wireValue == fixture.public_key)
        #expect(fixture.vectors.count == 7)
        for vector in fixture.vectors {
            let payload = SigningPayload(message: vector.message, nonce: vector.nonce)
            #expect(Hex.encode(payload.bytes) == vector.signing_bytes_hex, "\(vector.comment)")
            #expect(payload.base64 == vector.signing_input_base64, "\(vector.comment)")
            #expect(key.base64Signature(for: payload.bytes) == vector.signature_base64, "\(vector.comment)")
            #expect(key.publicKey.isValidSignature(base64: vector.signature_base64, for: payload.bytes))
        }
    }

    @Test("the UUID nonce payload is 86 bytes long")
    func payloadLength() {
        let payload = SigningPayload(message: "anything", nonce: "f47ac10b-58cc-4372-a567-0e02b2c3d479")
        #expect(payload.bytes.count == 86)
    }
}

@Suite("Key and fingerprint parsing")
struct KeyParsingTests {
    @Test("public keys need the ed25519: prefix unless told otherwise")
    func prefix() throws {
        let bare = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
        #expect(throws: CryptoError(.invalidPrefix)) { try Ed25519PublicKey(parsing: bare) }
        let key = try Ed25519PublicKey(parsing: bare, requirePrefix: false)
        #expect(key.wireValue == "ed25519:" + bare)
    }

    @Test("a key of the wrong length names the byte count")
    func wrongLength() {
        let short = "ed25519:" + Base64.encode([UInt8](repeating: 1, count: 31))
        #expect(throws: CryptoError(.invalidKeyLength(expected: 32, actual: 31))) {
            try Ed25519PublicKey(parsing: short)
        }
        #expect(throws: CryptoError(.invalidBase64)) { try Ed25519PublicKey(parsing: "ed25519:!!!") }
    }

    @Test(
        "fingerprints parse in either case and come back upper case",
        arguments: [
            ("21fe-31df-a154-a261", true), ("21FE-31DF-A154-A261", true), ("21FE31DF-A154-A261", false),
            ("21FE-31DF-A154-A26G", false), ("", false), ("21FE-31DF-A154-A2611", false),
        ])
    func fingerprints(text: String, valid: Bool) throws {
        #expect(Fingerprint.isWellFormed(text) == valid)
        if valid {
            #expect(try Fingerprint(parsing: text).value == text.uppercased())
        }
    }

    @Test("a generated key signs and verifies, and its description hides the seed")
    func generated() throws {
        let key = Ed25519PrivateKey.generate()
        let signature = key.signature(for: Array("hello".utf8))
        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: Array("hello".utf8)))
        #expect(!key.description.contains(key.seedBase64))
        #expect(try Ed25519PrivateKey(seedBase64: key.seedBase64).publicKey == key.publicKey)
    }
}

@Suite("Digests, HMAC and encodings")
struct DigestTests {
    @Test("SHA-256 and HMAC-SHA-256 match RFC 4231 test case 2")
    func hmac() {
        #expect(
            Hex.encode(Digest.sha256("abc"))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("constant-time comparison distinguishes length and content")
    func compare() {
        #expect(Digest.constantTimeEqual("abc", "abc"))
        #expect(!Digest.constantTimeEqual("abc", "abd"))
        #expect(!Digest.constantTimeEqual("abc", "abcd"))
        #expect(Secret("token").matches("token"))
        #expect("\(Secret("token"))" == "<redacted>")
    }

    @Test("hex round-trips and rejects bad input")
    func hex() {
        #expect(Hex.decode("00ff7F") == [0, 255, 127])
        #expect(Hex.decode("0") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.encode([0xAB, 0x01], uppercase: true) == "AB01")
    }
}
