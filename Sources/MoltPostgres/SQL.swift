/// A SQL statement whose interpolated values become bind parameters, so user data never reaches the text.
///
/// ```swift
/// let sql: SQL = "SELECT id FROM diaries WHERE owner_id = \(owner) AND name = \(name)"
/// // text: SELECT id FROM diaries WHERE owner_id = $1 AND name = $2, binds: [owner, name]
/// ```
/// Literal segments are SQL; `\(value)` appends `$n` and a bind; `\(sql)` splices another `SQL` value with
/// its binds renumbered; `\(unescaped:)` takes a `StaticString` only, for names chosen by the programmer.
public struct SQL: Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The statement text with `$1`, `$2`, … placeholders.
    public private(set) var text: String
    /// The bind values in placeholder order.
    public private(set) var binds: [PostgresBind]

    public init(stringLiteral value: StaticString) {
        text = value.description
        binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        binds = stringInterpolation.binds
    }

    /// An empty statement, to build on with `append`.
    public init() {
        text = ""
        binds = []
    }

    /// Appends another fragment, renumbering its placeholders after the existing binds.
    public mutating func append(_ other: SQL) {
        text += Self.renumber(other.text, offset: binds.count)
        binds += other.binds
    }

    /// This statement followed by `other`.
    public func appending(_ other: SQL) -> SQL {
        var copy = self
        copy.append(other)
        return copy
    }

    /// Joins fragments with a static separator (`", "`, `" AND "`).
    public static func joined(_ parts: [SQL], separator: StaticString) -> SQL {
        var result = SQL()
        for (index, part) in parts.enumerated() {
            if index > 0 { result.text += separator.description }
            result.append(part)
        }
        return result
    }

    /// The text only; binds are never part of the description.
    public var description: String { text }

    /// Builds a statement from literal SQL and interpolated values.
    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            text += literal.description
        }

        /// A value: appends `$n` and binds it.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(PostgresBind(value))
            text += "$\(binds.count)"
        }

        /// An optional value: NULL when nil.
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            binds.append(value.map(PostgresBind.init) ?? .null)
            text += "$\(binds.count)"
        }

        /// Another statement fragment, placeholders renumbered.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += SQL.renumber(fragment.text, offset: binds.count)
            binds += fragment.binds
        }

        /// Programmer-chosen SQL text (identifiers, keywords); never user data.
        public mutating func appendInterpolation(unescaped text: StaticString) {
            self.text += text.description
        }
    }

    /// Shifts every `$n` placeholder in `text` by `offset`, leaving string literals and `$$` alone.
    static func renumber(_ text: String, offset: Int) -> String {
        guard offset > 0, text.contains("$") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var inQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = iterator.next()
        while let char = pending {
            pending = iterator.next()
            if char == "'" { inQuote.toggle() }
            guard char == "$", !inQuote, let next = pending, next.isASCII, next.isNumber else {
                result.append(char)
                continue
            }
            var digits = ""
            while let digit = pending, digit.isASCII, digit.isNumber {
                digits.append(digit)
                pending = iterator.next()
            }
            result += "$\(Int(digits)! + offset)"
        }
        return result
    }
}
