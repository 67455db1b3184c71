/// The `moltnet:v1` signing input of a signing request (spec §3.3).
///
/// `"moltnet:v1" ‖ u32be(32) ‖ SHA-256(message) ‖ u32be(len(nonce)) ‖ nonce`, all as UTF-8. The message is
/// never normalised: line endings, whitespace and NUL bytes are significant.
public struct SigningPayload: Equatable, Sendable {
    /// The domain-separation tag at the start of every payload.
    public static let domain = "moltnet:v1"

    /// The exact bytes an agent signs.
    public let bytes: [UInt8]

    /// Frames `message` and `nonce` (a lower-case UUID string on the wire).
    public init(message: String, nonce: String) {
        let hash = Digest.sha256(message)
        let nonceBytes = Array(nonce.utf8)
        var bytes = Array(Self.domain.utf8)
        bytes.reserveCapacity(bytes.count + 8 + hash.count + nonceBytes.count)
        bytes += Self.bigEndian(UInt32(hash.count))
        bytes += hash
        bytes += Self.bigEndian(UInt32(nonceBytes.count))
        bytes += nonceBytes
        self.bytes = bytes
    }

    /// The payload as base64: the `signingInput` field the server returns.
    public var base64: String { Base64.encode(bytes) }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
