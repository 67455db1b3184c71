import MoltCore
import Testing

@Suite("argon2id hashing, base64url and secure random tokens")
struct PasswordHashTests {
    @Test("hashes with argon2id and a random salt; verifies the secret and nothing else")
    func argon2id() throws {
        let hash = try PasswordHash.hash("correct horse")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(try PasswordHash.hash("correct horse") != hash)
        #expect(PasswordHash.verify("correct horse", against: hash))
        #expect(!PasswordHash.verify("correct horsf", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
        #expect(!PasswordHash.verify("correct horse", against: "$2b$10$notargon"))
        #expect(!PasswordHash.verify("correct horse", against: String(hash.dropLast(4))))
        let empty = try PasswordHash.hash("")
        #expect(PasswordHash.verify("", against: empty))
    }

    @Test("base64url round-trips without padding and refuses the standard alphabet")
    func base64URL() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF, 0x00, 0x01]
        #expect(Base64.encodeURL(bytes) == "-_-_AAE")
        #expect(Base64.decodeURL("-_-_AAE") == bytes)
        #expect(Base64.decodeURL("+/+/AAE") == nil)
        #expect(Base64.decodeURL("-_-_AAE=") == nil)
        #expect(Base64.decodeURL("a") == nil)
        #expect(Base64.encodeURL([]) == "" && Base64.decodeURL("") == [])
    }

    @Test("random tokens and decimal codes have the promised shape")
    func random() {
        let token = SecureRandom.urlSafeToken()
        #expect(token.count == 43 && Base64.decodeURL(token)?.count == 32)
        #expect(SecureRandom.urlSafeToken() != token)
        let codes = (0..<200).map { _ in SecureRandom.decimalCode(digits: 6) }
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        #expect(Set(codes).count > 190)
        #expect(SecureRandom.bytes(17).count == 17)
    }
}
