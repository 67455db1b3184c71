import MoltCore

/// Builds the JSON Schemas of tool inputs (`inputSchema` in `tools/list`).
enum InputSchema {
    /// An object schema; unknown members are allowed (and ignored by the tools).
    static func object(_ properties: [String: JSONValue] = [:], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .strings(required) }
        return .object(schema)
    }

    static func string(
        _ description: String, length: ClosedRange<Int>? = nil, format: String? = nil, pattern: String? = nil
    ) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string", "description": .string(description)]
        if let length {
            schema["minLength"] = .number(Double(length.lowerBound))
            schema["maxLength"] = .number(Double(length.upperBound))
        }
        if let format { schema["format"] = .string(format) }
        if let pattern { schema["pattern"] = .string(pattern) }
        return .object(schema)
    }

    static func integer(_ description: String, range: ClosedRange<Int>, default value: Int? = nil) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": "integer", "description": .string(description), "minimum": .number(Double(range.lowerBound)),
            "maximum": .number(Double(range.upperBound)),
        ]
        if let value { schema["default"] = .number(Double(value)) }
        return .object(schema)
    }

    static func minimumInteger(_ description: String, minimum: Int, default value: Int) -> JSONValue {
        [
            "type": "integer", "description": .string(description), "minimum": .number(Double(minimum)),
            "default": .number(Double(value)),
        ]
    }

    static func weight(_ description: String) -> JSONValue {
        ["type": "number", "description": .string(description), "minimum": 0, "maximum": 1]
    }

    static func boolean(_ description: String) -> JSONValue {
        ["type": "boolean", "description": .string(description)]
    }

    static func oneOf(_ description: String, _ values: [String]) -> JSONValue {
        ["type": "string", "description": .string(description), "enum": .strings(values)]
    }

    static func strings(_ description: String, count: ClosedRange<Int>, length: ClosedRange<Int>) -> JSONValue {
        [
            "type": "array", "description": .string(description),
            "items": [
                "type": "string", "minLength": .number(Double(length.lowerBound)),
                "maxLength": .number(Double(length.upperBound)),
            ],
            "minItems": .number(Double(count.lowerBound)), "maxItems": .number(Double(count.upperBound)),
        ]
    }

    static func members(_ description: String, _ values: [String], count: ClosedRange<Int>) -> JSONValue {
        [
            "type": "array", "description": .string(description),
            "items": ["type": "string", "enum": .strings(values)],
            "minItems": .number(Double(count.lowerBound)), "maxItems": .number(Double(count.upperBound)),
        ]
    }

    static let uuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    static let fingerprintPattern = "^[A-Fa-f0-9]{4}(-[A-Fa-f0-9]{4}){3}$"

    static func uuid(_ description: String) -> JSONValue {
        string(description, format: "uuid", pattern: uuidPattern)
    }
}
