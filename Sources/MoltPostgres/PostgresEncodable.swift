public import Foundation

/// A Swift value that can be sent as a bind parameter in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The parameter type to declare; 0 lets the server infer it from the statement (the default).
    static var postgresTypeOID: UInt32 { get }
    /// The value in PostgreSQL's text input format; nil sends NULL.
    var postgresText: String? { get }
}

extension PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 0 }
}

extension String: PostgresEncodable {
    public var postgresText: String? { self }
}

extension Substring: PostgresEncodable {
    public var postgresText: String? { String(self) }
}

extension Int: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 20 }
    public var postgresText: String? { String(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 23 }
    public var postgresText: String? { String(self) }
}

extension Int16: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 21 }
    public var postgresText: String? { String(self) }
}

extension Int64: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 20 }
    public var postgresText: String? { String(self) }
}

extension Bool: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 16 }
    public var postgresText: String? { self ? "t" : "f" }
}

extension Double: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 701 }
    public var postgresText: String? { "\(self)" }
}

extension Float: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 700 }
    public var postgresText: String? { "\(self)" }
}

extension UUID: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 2950 }
    public var postgresText: String? { uuidString.lowercased() }
}

extension Date: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 1184 }
    public var postgresText: String? { PostgresTimestamp.format(self) }
}

extension Data: PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 17 }
    public var postgresText: String? { "\\x" + map { String(format: "%02x", $0) }.joined() }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresTypeOID: UInt32 { Element.postgresArrayTypeOID }
    public var postgresText: String? { PostgresArrayText.format(map(\.postgresText)) }
}

/// A value that can travel inside a PostgreSQL array parameter.
public protocol PostgresArrayElement: PostgresEncodable {
    /// The OID of the array type (`text[]` is 1009).
    static var postgresArrayTypeOID: UInt32 { get }
}

extension String: PostgresArrayElement {
    public static var postgresArrayTypeOID: UInt32 { 1009 }
}

extension UUID: PostgresArrayElement {
    public static var postgresArrayTypeOID: UInt32 { 2951 }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayTypeOID: UInt32 { 1016 }
}

extension Float: PostgresArrayElement {
    public static var postgresArrayTypeOID: UInt32 { 1021 }
}

/// A raw JSON document sent as `jsonb`.
public struct PostgresJSON: PostgresEncodable, Equatable {
    public static var postgresTypeOID: UInt32 { 3802 }
    /// The JSON text.
    public let text: String

    public init(text: String) {
        self.text = text
    }

    public var postgresText: String? { text }
}
