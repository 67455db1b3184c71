/// An agent's fingerprint: the first 16 hex digits of SHA-256 of its raw public key, upper case, in four
/// groups (`21FE-31DF-A154-A261`, spec §3.2).
public struct Fingerprint: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The canonical upper-case text.
    public let value: String

    /// Computes the fingerprint of a public key.
    public init(of key: Ed25519PublicKey) {
        let hex = Hex.encode(Digest.sha256(key.bytes).prefix(8), uppercase: true)
        let chars = Array(hex)
        value = stride(from: 0, to: 16, by: 4).map { String(chars[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// Parses `XXXX-XXXX-XXXX-XXXX` in either case and upper-cases it, as the server does before lookups.
    public init(parsing text: String) throws(CryptoError) {
        guard Self.isWellFormed(text) else { throw CryptoError(.invalidFingerprint) }
        value = text.uppercased()
    }

    /// Whether `text` matches `^[A-Fa-f0-9]{4}(-[A-Fa-f0-9]{4}){3}$`.
    public static func isWellFormed(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 19 else { return false }
        for (index, char) in chars.enumerated() {
            if index % 5 == 4 {
                guard char == UInt8(ascii: "-") else { return false }
            } else {
                guard Hex.isDigit(char) else { return false }
            }
        }
        return true
    }

    public var description: String { value }

    public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
