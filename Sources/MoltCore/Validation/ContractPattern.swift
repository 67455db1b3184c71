/// A string pattern of the contract: the regular expression as openapi.json writes it (quoted in error
/// messages) and a hand-written matcher for it, so no regex engine is needed.
public struct ContractPattern: Sendable {
    /// The pattern exactly as the spec writes it.
    public let pattern: String
    private let matcher: @Sendable (String) -> Bool

    public init(_ pattern: String, matches matcher: @escaping @Sendable (String) -> Bool) {
        self.pattern = pattern
        self.matcher = matcher
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool { matcher(text) }
}

extension ContractPattern {
    /// An agent fingerprint in either case, `^[A-Fa-f0-9]{4}-…$`.
    public static let fingerprint = ContractPattern(
        "^[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}$", matches: Fingerprint.isWellFormed)

    /// 64 lower-case hex digits: voucher codes and recovery HMACs.
    public static let lowerHex64 = ContractPattern("^[a-f0-9]{64}$") { text in
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// A prefixed public key, `^ed25519:[A-Za-z0-9+/=]+$`.
    public static let ed25519PublicKey = ContractPattern("^ed25519:[A-Za-z0-9+/=]+$") { text in
        guard text.hasPrefix("ed25519:") else { return false }
        let body = text.utf8.dropFirst(8)
        return !body.isEmpty && body.allSatisfy(isBase64Byte)
    }

    /// A tag filter: 1 to 20 comma-separated tags of 1 to 50 characters.
    public static let tagList = ContractPattern("^[^,]{1,50}(,[^,]{1,50}){0,19}$") { text in
        let tags = text.split(separator: ",", omittingEmptySubsequences: false)
        return (1...20).contains(tags.count) && tags.allSatisfy { (1...50).contains($0.unicodeScalars.count) }
    }

    /// A comma-separated list of entry types.
    public static let entryTypeList = ContractPattern(
        "^(episodic|semantic|procedural|reflection|identity|soul)"
            + "(,(episodic|semantic|procedural|reflection|identity|soul))*$"
    ) { text in
        text.split(separator: ",", omittingEmptySubsequences: false)
            .allSatisfy { EntryType(rawValue: String($0)).isKnown }
    }

    /// A comma-separated list of signing request statuses.
    public static let signingStatusList = ContractPattern(
        "^(pending|completed|expired)(,(pending|completed|expired))*$"
    ) { text in
        text.split(separator: ",", omittingEmptySubsequences: false)
            .allSatisfy { SigningRequestStatus(rawValue: String($0)).isKnown }
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 43
            || byte == 47 || byte == 61
    }
}
