import Foundation

extension JSONValue {
    /// A whole number (stored as a JSON number; exact up to 2^53).
    public static func integer(_ value: Int64) -> JSONValue {
        .number(Double(value))
    }

    /// A string array as JSON.
    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    /// An optional string as JSON (`null` when nil).
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// Parses JSON bytes; nil when they are empty or not JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard !bytes.isEmpty else { return nil }
        return try? JSONCoding.decode(JSONValue.self, from: Data(bytes))
    }

    /// The value encoded with the wire encoder (sorted keys, unescaped slashes).
    public var encoded: [UInt8] {
        (try? Array(JSONCoding.encode(self))) ?? Array("null".utf8)
    }

    /// The encoded value as text.
    public var text: String { String(decoding: encoded, as: UTF8.self) }

    /// A member of an object, nil for anything else.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A whole number, nil for fractions and anything else.
    public var integerValue: Int64? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 9e18 else { return nil }
        return Int64(value)
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// An array of strings, nil when any element is not a string.
    public var stringArray: [String]? {
        guard let array = arrayValue else { return nil }
        var strings: [String] = []
        for element in array {
            guard let text = element.stringValue else { return nil }
            strings.append(text)
        }
        return strings
    }
}
