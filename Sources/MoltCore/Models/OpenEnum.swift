/// A string enumeration of the wire that tolerates values it does not know.
///
/// Conforming enums list their known cases and have a `case unknown(String)`: decoding a value the
/// spec does not (yet) list gives `.unknown(value)` instead of failing, and encoding writes the original
/// string back. Request validation rejects unknown values with `must be equal to one of the allowed values`.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// Every value the spec lists, in the spec's order.
    static var knownCases: [Self] { get }
    /// A value outside ``knownCases``, kept verbatim.
    static func unknown(_ rawValue: String) -> Self
}

extension OpenEnum {
    /// The known case spelled `rawValue`, else `.unknown(rawValue)`. (In generic code, where the
    /// `RawRepresentable` requirement is failable, write `Value(rawValue: text) ?? .unknown(text)`.)
    public init(rawValue: String) {
        self = Self.knownCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// Whether this is one of ``knownCases``.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// The wire spellings of ``knownCases``.
    public static var knownRawValues: [String] { knownCases.map(\.rawValue) }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = Self(rawValue: text) ?? .unknown(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
