import CSodium

/// An Ed25519 signing key held in libsodium's guarded memory and zeroed when released.
///
/// MoltNet stores a private key as the base64 of its 32-byte seed (spec §3.1). The expanded secret key lives
/// in memory from `sodium_malloc` (guard pages, locked where the system allows) and `sodium_free` wipes it.
/// The description never shows key material.
public final class Ed25519PrivateKey: Sendable, CustomStringConvertible {
    /// Length of a seed.
    public static let seedByteCount = Int(crypto_sign_SEEDBYTES)

    /// The matching public key.
    public let publicKey: Ed25519PublicKey
    private let secret: SecretBytes

    /// Derives the key pair from a 32-byte seed.
    public init(seed: [UInt8]) throws(CryptoError) {
        guard seed.count == Self.seedByteCount else {
            throw CryptoError(.invalidKeyLength(expected: Self.seedByteCount, actual: seed.count))
        }
        Sodium.ensureInitialised()
        let secret = SecretBytes(count: Int(crypto_sign_SECRETKEYBYTES))
        var publicBytes = [UInt8](repeating: 0, count: Ed25519PublicKey.byteCount)
        let status = secret.withUnsafeMutableBytes { secretBuffer in
            crypto_sign_seed_keypair(&publicBytes, secretBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self), seed)
        }
        guard status == 0 else { throw CryptoError(.operationFailed("crypto_sign_seed_keypair")) }
        self.secret = secret
        self.publicKey = try Ed25519PublicKey(bytes: publicBytes)
    }

    /// Parses the base64 of a 32-byte seed, the form in the credentials file.
    public convenience init(seedBase64: String) throws(CryptoError) {
        guard var seed = Base64.decode(seedBase64) else { throw CryptoError(.invalidBase64) }
        defer { sodium_memzero(&seed, seed.count) }
        try self.init(seed: seed)
    }

    /// A new key pair from the operating system's CSPRNG.
    public static func generate() -> Ed25519PrivateKey {
        var seed = Sodium.randomBytes(seedByteCount)
        defer { sodium_memzero(&seed, seed.count) }
        // A 32-byte seed always derives a key pair.
        guard let key = try? Ed25519PrivateKey(seed: seed) else { preconditionFailure("seed derivation failed") }
        return key
    }

    /// The 32-byte seed as base64, for writing the credentials file. Handle the result as a secret.
    public var seedBase64: String {
        secret.withUnsafeBytes { Base64.encode($0.prefix(Self.seedByteCount)) }
    }

    /// A detached Ed25519 signature (64 bytes) over `message`.
    public func signature(for message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        secret.withUnsafeBytes { secretBuffer in
            _ = crypto_sign_detached(
                &signature, nil, message, UInt64(message.count),
                secretBuffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return signature
    }

    /// The signature over `message` as standard base64 (88 characters).
    public func base64Signature(for message: [UInt8]) -> String {
        Base64.encode(signature(for: message))
    }

    /// The signature over the UTF-8 bytes of `text` as base64 (plain signatures, spec §3.4).
    public func base64Signature(forText text: String) -> String {
        base64Signature(for: Array(text.utf8))
    }

    public var description: String { "Ed25519PrivateKey(\(publicKey.fingerprint), <redacted>)" }
}
