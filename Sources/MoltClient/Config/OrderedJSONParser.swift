import Foundation
import MoltCore

/// Parses JSON text (RFC 8259) into ``OrderedJSON``, keeping member order and scalar tokens as written.
struct OrderedJSONParser {
    /// Where and why parsing failed.
    struct Failure: Error, Equatable {
        let offset: Int
        let reason: String
    }

    private let bytes: [UInt8]
    private var position = 0

    /// Parses a whole document; whitespace may surround the value, nothing else.
    static func parse(_ text: String) throws(Failure) -> OrderedJSON {
        var parser = OrderedJSONParser(bytes: Array(text.utf8))
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func value(depth: Int) throws(Failure) -> OrderedJSON {
        guard depth < 512 else { throw failure("nesting too deep") }
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .literal(try stringToken())
        case UInt8(ascii: "t"): return try keyword("true", .bool(true))
        case UInt8(ascii: "f"): return try keyword("false", .bool(false))
        case UInt8(ascii: "n"): return try keyword("null", .null)
        default: return .literal(try number())
        }
    }

    private mutating func object(depth: Int) throws(Failure) -> OrderedJSON {
        position += 1
        var members: [(key: String, value: OrderedJSON)] = []
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a member name")
            }
            let key = try decodedString(stringToken())
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { throw failure("expected ':'") }
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { throw failure("expected ',' or '}'") }
        return .object(members)
    }

    private mutating func array(depth: Int) throws(Failure) -> OrderedJSON {
        position += 1
        var elements: [OrderedJSON] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { throw failure("expected ',' or ']'") }
        return .array(elements)
    }

    /// A string literal's source text, quotes included, after checking its escapes.
    private mutating func stringToken() throws(Failure) -> String {
        let start = position
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard let token = String(validating: bytes[start..<position], as: UTF8.self) else {
                    throw failure("string is not UTF-8")
                }
                return token
            }
            guard byte >= 0x20 else { throw failure("control character in string") }
            if byte == UInt8(ascii: "\\") {
                position += 1
                guard position < bytes.count else { break }
                if bytes[position] == UInt8(ascii: "u") {
                    guard position + 4 < bytes.count,
                        bytes[(position + 1)...(position + 4)].allSatisfy({ $0.isHexDigit })
                    else { throw failure("bad \\u escape") }
                    position += 4
                } else if !"\"\\/bfnrt".utf8.contains(bytes[position]) {
                    throw failure("bad escape")
                }
            }
            position += 1
        }
        throw failure("unterminated string")
    }

    /// The text a string literal stands for.
    private func decodedString(_ token: String) throws(Failure) -> String {
        guard case .string(let text)? = try? JSONScalar.decodeString(token) else {
            throw failure("bad string")
        }
        return text
    }

    private mutating func number() throws(Failure) -> String {
        let start = position
        _ = take(UInt8(ascii: "-"))
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("unexpected character") }
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw failure("leading zero") }
        if take(UInt8(ascii: ".")) { guard digits() > 0 else { throw failure("bad number") } }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { throw failure("bad number") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        return position - start
    }

    private mutating func keyword(_ word: String, _ value: OrderedJSON) throws(Failure) -> OrderedJSON {
        let end = position + word.utf8.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(word.utf8) else {
            throw failure("unexpected character")
        }
        position = end
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: position, reason: reason)
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (48...57).contains(self) || (65...70).contains(self) || (97...102).contains(self)
    }
}

/// Decoding of scalar tokens kept by the parser.
enum JSONScalar {
    /// The string a string literal token stands for (via Foundation's decoder: escapes, surrogate pairs).
    static func decodeString(_ token: String) throws -> OrderedJSON {
        let array = try JSONCoding.decode([String].self, from: Data("[\(token)]".utf8))
        return .string(array[0])
    }
}
