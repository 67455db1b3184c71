/// A JSON value that keeps object members in order and parsed scalars exactly as written, so files the
/// reference's Go tools write can be read, changed and written back byte-for-byte in their format.
///
/// ``goIndented()`` renders like Go's `json.MarshalIndent(v, "", "  ")`: two-space indent, `"key": value`,
/// `{}`/`[]` for empty containers, and Go's escaping (`<`, `>`, `&`, U+2028 and U+2029 as `\u…`).
enum OrderedJSON: Equatable {
    case object([(key: String, value: OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case bool(Bool)
    case null
    /// A scalar token as it appeared in parsed text (a number, or a string literal with its quotes and
    /// escapes), written back unchanged apart from Go's HTML escaping.
    case literal(String)

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.literal(let a), .literal(let b)): a == b
        default: false
        }
    }

    /// The members of an object, or nil for any other value.
    var members: [(key: String, value: OrderedJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of the last member named `key` (Go's decoding keeps the last duplicate).
    subscript(key: String) -> OrderedJSON? {
        members?.last { $0.key == key }?.value
    }

    /// Go's `json.MarshalIndent(value, "", "  ")` output, without a trailing newline.
    func goIndented() -> String {
        var output = ""
        write(to: &output, indent: "")
        return output
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return output += "{}" }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += indent + "  " + Self.goQuoted(member.key) + ": "
                member.value.write(to: &output, indent: indent + "  ")
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        case .array(let elements):
            guard !elements.isEmpty else { return output += "[]" }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indent + "  "
                element.write(to: &output, indent: indent + "  ")
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .string(let text):
            output += Self.goQuoted(text)
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        case .literal(let token):
            output += Self.htmlEscaped(token)
        }
    }

    /// A string literal escaped as Go's encoder does with HTML escaping on (its default).
    static func goQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}": output += unicodeEscape(scalar)
            default:
                output += scalar.value < 0x20 ? unicodeEscape(scalar) : String(scalar)
            }
        }
        return output + "\""
    }

    /// Go's compaction of raw JSON escapes `<`, `>`, `&`, U+2028 and U+2029 wherever they appear (they
    /// can only appear inside string literals).
    private static func htmlEscaped(_ token: String) -> String {
        guard token.unicodeScalars.contains(where: { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) }) else {
            return token
        }
        var output = ""
        for scalar in token.unicodeScalars {
            output += "<>&\u{2028}\u{2029}".unicodeScalars.contains(scalar) ? unicodeEscape(scalar) : String(scalar)
        }
        return output
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
