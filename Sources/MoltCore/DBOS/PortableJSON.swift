import Foundation

/// A JSON value of any shape: what DBOS's `portable_json` serialization stores in its payload columns.
///
/// `portable_json` is DBOS's cross-language format: workflow inputs as
/// `{"positionalArgs":[…],"namedArgs":{…}}`, outputs, messages and event values as plain JSON, errors as
/// `{"name":…,"message":…,"code":…,"data":…}`. Dates travel as RFC 3339 UTC strings. Integers and
/// fractional numbers are kept apart so `42` reads back as `42`, not `42.0`.
public enum PortableJSON: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([PortableJSON])
    case object([String: PortableJSON])

    /// Parses JSON text (any top-level value, including a bare number or string).
    public init(parsing text: String) throws {
        self = try JSONDecoder().decode(PortableJSON.self, from: Data(text.utf8))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PortableJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PortableJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Compact JSON text with sorted keys.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    public var description: String { jsonText }

    /// The member `key` of an object, nil for anything else.
    public subscript(key: String) -> PortableJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string, when this is one.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The number as a Double, when this is one.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}
