/// A property that is always present on the wire and may be `null` (OpenAPI: required, `anyOf [T, null]`).
///
/// Synthesized `Codable` skips `nil` optionals when encoding and accepts a missing key when decoding.
/// Fields such as `DiaryEntry.title` must instead always be written (`"title": null`) and must be present
/// when read, so they are declared `@Nullable var title: String?`.
@propertyWrapper
public struct Nullable<Value> {
    /// The value, `nil` for JSON `null`.
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension Nullable: Sendable where Value: Sendable {}
extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}

extension Nullable: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension Nullable: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
