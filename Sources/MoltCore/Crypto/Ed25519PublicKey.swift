import CSodium

/// An Ed25519 public key: 32 bytes, written on the wire as `ed25519:<base64>` (spec §3.1).
public struct Ed25519PublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The wire prefix of every MoltNet public key.
    public static let prefix = "ed25519:"
    /// Length of a raw public key.
    public static let byteCount = Int(crypto_sign_PUBLICKEYBYTES)

    /// The 32 raw key bytes.
    public let bytes: [UInt8]

    /// Wraps 32 raw bytes.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard bytes.count == Self.byteCount else {
            throw CryptoError(.invalidKeyLength(expected: Self.byteCount, actual: bytes.count))
        }
        self.bytes = bytes
    }

    /// Parses `ed25519:<base64>`; with `requirePrefix: false` a bare base64 key is accepted too.
    public init(parsing text: String, requirePrefix: Bool = true) throws(CryptoError) {
        var body = Substring(text)
        if body.hasPrefix(Self.prefix) {
            body = body.dropFirst(Self.prefix.count)
        } else if requirePrefix {
            throw CryptoError(.invalidPrefix)
        }
        guard let decoded = Base64.decode(String(body)) else { throw CryptoError(.invalidBase64) }
        try self.init(bytes: decoded)
    }

    /// The canonical wire form, `ed25519:` followed by standard base64 with padding.
    public var wireValue: String { Self.prefix + Base64.encode(bytes) }

    /// The key's fingerprint, `XXXX-XXXX-XXXX-XXXX` (spec §3.2).
    public var fingerprint: Fingerprint { Fingerprint(of: self) }

    public var description: String { wireValue }

    /// Checks a detached Ed25519 signature over `message`.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        Sodium.ensureInitialised()
        guard signature.count == Int(crypto_sign_BYTES) else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
    }

    /// Checks a base64 signature over `message`; malformed base64 is simply not valid.
    public func isValidSignature(base64 signature: String, for message: [UInt8]) -> Bool {
        guard let raw = Base64.decode(signature) else { return false }
        return isValidSignature(raw, for: message)
    }
}
