public import Foundation

/// A typed identifier wrapping a UUID, written on the wire as lower-case canonical text.
///
/// Foundation's `UUID` encodes upper case; MoltNet (like JavaScript's `crypto.randomUUID`) writes lower
/// case, and the signing payload depends on it for nonces. Decoding accepts either case. A value that is
/// not a UUID fails with the AJV-style message `must match format "uuid"`, which
/// ``ValidationFailure/init(decodingError:)`` turns into a field error.
public protocol UUIDIdentifier: RawRepresentable, Codable, Hashable, Comparable, Sendable,
    LosslessStringConvertible
where RawValue == UUID {
    init(rawValue: UUID)
}

extension UUIDIdentifier {
    /// A new random (version 4) identifier.
    public static func random() -> Self { Self(rawValue: UUID()) }

    /// Parses canonical UUID text in either case; nil for anything else.
    public init?(_ description: String) {
        guard let uuid = UUID(uuidString: description) else { return nil }
        self.init(rawValue: uuid)
    }

    /// Lower-case canonical text, `f47ac10b-58cc-4372-a567-0e02b2c3d479`.
    public var description: String { rawValue.uuidString.lowercased() }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must match format \"uuid\"")
        }
        self.init(rawValue: uuid)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An agent's identity id (`identityId`, `ownerId`, `sharedWith`, `agentId`).
public struct AgentID: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// A diary's id.
public struct DiaryID: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// A diary entry's id.
public struct EntryID: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// A diary share's id; invitations are shares, so accept and decline take one.
public struct ShareID: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// A signing request's id.
public struct SigningRequestID: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}

/// The server-chosen nonce of a signing request; its lower-case text is framed into the signing payload.
public struct SigningNonce: UUIDIdentifier {
    public let rawValue: UUID
    public init(rawValue: UUID) { self.rawValue = rawValue }
}
