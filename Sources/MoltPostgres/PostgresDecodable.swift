public import Foundation

/// A Swift value that can be read from a column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Decodes the column text; throws a `.decoding` error when it does not fit the type.
    init(postgresText text: String) throws(PostgresError)
}

private func decodingFailure(_ type: Any.Type, _ text: String) -> PostgresError {
    PostgresError(.decoding, message: "cannot read a \(type) from a \(text.utf8.count)-byte column value")
}

extension String: PostgresDecodable {
    public init(postgresText text: String) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Int(text) else { throw decodingFailure(Int.self, text) }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Int32(text) else { throw decodingFailure(Int32.self, text) }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Int64(text) else { throw decodingFailure(Int64.self, text) }
        self = value
    }
}

extension Int16: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Int16(text) else { throw decodingFailure(Int16.self, text) }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw decodingFailure(Bool.self, text)
        }
    }
}

extension Double: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Double(text) else { throw decodingFailure(Double.self, text) }
        self = value
    }
}

extension Float: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = Float(text) else { throw decodingFailure(Float.self, text) }
        self = value
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = UUID(uuidString: text) else { throw decodingFailure(UUID.self, text) }
        self = value
    }
}

extension Date: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let value = PostgresTimestamp.parse(text) else { throw decodingFailure(Date.self, text) }
        self = value
    }
}

extension Data: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard text.hasPrefix("\\x") else { throw decodingFailure(Data.self, text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for char in text.utf8.dropFirst(2) {
            guard let nibble = Self.nibble(char) else { throw decodingFailure(Data.self, text) }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { throw decodingFailure(Data.self, text) }
        self = Data(bytes)
    }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case 48...57: char - 48
        case 97...102: char - 87
        case 65...70: char - 55
        default: nil
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresDecodable {
    public init(postgresText text: String) throws(PostgresError) {
        guard let elements = PostgresArrayText.parse(text) else { throw decodingFailure([Element].self, text) }
        var values: [Element] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard let element else { throw decodingFailure([Element].self, text) }
            values.append(try Element(postgresText: element))
        }
        self = values
    }
}
