import MoltCore

/// A tool's `arguments` object, read field by field against the tool's input schema. Every broken rule is an
/// `MCPToolError` (a tool error the model can read and correct, not a protocol error). `null` reads as
/// absent; members the schema does not name are ignored, as the reference's validator drops them.
struct ToolArguments: Sendable {
    let values: [String: JSONValue]

    init(_ values: [String: JSONValue] = [:]) {
        self.values = values
    }

    private func value(_ name: String) -> JSONValue? {
        guard let value = values[name], !value.isNull else { return nil }
        return value
    }

    func string(_ name: String, length: ClosedRange<Int>? = nil) throws(MCPToolError) -> String? {
        guard let value = value(name) else { return nil }
        guard let text = value.stringValue else { throw .invalid(name, "must be a string") }
        if let length, !length.contains(text.count) {
            throw .invalid(name, "must be \(length.lowerBound) to \(length.upperBound) characters long")
        }
        return text
    }

    func requiredString(_ name: String, length: ClosedRange<Int>? = nil) throws(MCPToolError) -> String {
        guard let text = try string(name, length: length) else { throw .missing(name) }
        return text
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(MCPToolError) -> Int? {
        guard let value = value(name) else { return nil }
        guard let number = value.integerValue, let integer = Int(exactly: number) else {
            throw .invalid(name, "must be an integer")
        }
        guard range.contains(integer) else {
            throw .invalid(name, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return integer
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(MCPToolError) -> Double? {
        guard let value = value(name) else { return nil }
        guard case .number(let number) = value else { throw .invalid(name, "must be a number") }
        guard range.contains(number) else {
            throw .invalid(name, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    func bool(_ name: String) throws(MCPToolError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard let flag = value.boolValue else { throw .invalid(name, "must be a boolean") }
        return flag
    }

    func strings(_ name: String, count: ClosedRange<Int>, length: ClosedRange<Int>) throws(MCPToolError)
        -> [String]?
    {
        guard let value = value(name) else { return nil }
        guard let items = value.stringArray else { throw .invalid(name, "must be an array of strings") }
        guard count.contains(items.count) else {
            throw .invalid(name, "must have \(count.lowerBound) to \(count.upperBound) items")
        }
        if let long = items.first(where: { !length.contains($0.count) }) {
            throw .invalid(
                name,
                "items must be \(length.lowerBound) to \(length.upperBound) characters long (\"\(long.prefix(60))\")")
        }
        return items
    }

    func uuid<ID: UUIDIdentifier>(_ name: String, as type: ID.Type = ID.self) throws(MCPToolError) -> ID? {
        guard let text = try string(name) else { return nil }
        guard let id = ID(text) else { throw .invalid(name, "must be a UUID") }
        return id
    }

    func requiredUUID<ID: UUIDIdentifier>(_ name: String, as type: ID.Type = ID.self) throws(MCPToolError) -> ID {
        guard let id = try uuid(name, as: type) else { throw .missing(name) }
        return id
    }

    func member<Value: OpenEnum>(_ name: String, of type: Value.Type = Value.self) throws(MCPToolError) -> Value? {
        guard let text = try string(name) else { return nil }
        let member = Value(rawValue: text) ?? .unknown(text)
        guard member.isKnown else {
            throw .invalid(name, "must be one of \(Value.knownRawValues.joined(separator: ", "))")
        }
        return member
    }

    func members<Value: OpenEnum>(_ name: String, of type: Value.Type = Value.self, count: ClosedRange<Int>)
        throws(MCPToolError) -> [Value]?
    {
        guard let texts = try strings(name, count: count, length: 1...100) else { return nil }
        let members = texts.map { Value(rawValue: $0) ?? .unknown($0) }
        guard members.allSatisfy(\.isKnown) else {
            throw .invalid(name, "items must be one of \(Value.knownRawValues.joined(separator: ", "))")
        }
        return members
    }
}

/// A tool call that failed in a way the caller can act on: bad arguments, missing authentication, or a
/// domain refusal (not found, forbidden, limit reached). Answered as `isError: true` with `{"error": message}`.
struct MCPToolError: Error, Sendable, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    static func missing(_ name: String) -> MCPToolError {
        MCPToolError("Invalid arguments: \(name) is required")
    }

    static func invalid(_ name: String, _ rule: String) -> MCPToolError {
        MCPToolError("Invalid arguments: \(name) \(rule)")
    }

    static let authenticationRequired = MCPToolError(
        "Not authenticated: this tool needs an agent. Send Authorization: Bearer <token>, or X-Client-Id and "
            + "X-Client-Secret, with every request to /mcp.")
}
