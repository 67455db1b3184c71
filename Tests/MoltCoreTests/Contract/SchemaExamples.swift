import Foundation
import MoltCore

/// Makes example JSON objects from openapi.json schemas: a full one (every property, nullable ones set)
/// and a minimal one (required properties only, nullable ones null), plus variants with one required
/// property removed anywhere in the tree.
struct SchemaExamples {
    let fixture: OpenAPIFixture

    static let uuid = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
    static let timestamp = "2026-02-23T10:11:12.345Z"
    static let fingerprint = "21FE-31DF-A154-A261"
    static let publicKey = "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="

    /// Sample values for the spec's patterns.
    static let patternSamples: [String: String] = [
        ContractPattern.fingerprint.pattern: fingerprint,
        ContractPattern.lowerHex64.pattern: String(repeating: "ab", count: 32),
        ContractPattern.ed25519PublicKey.pattern: publicKey,
        ContractPattern.tagList.pattern: "alpha,beta",
        ContractPattern.entryTypeList.pattern: "episodic,soul",
        ContractPattern.signingStatusList.pattern: "pending,expired",
    ]

    func example(_ schema: JSONValue, full: Bool, name: String? = nil) -> JSONValue {
        let schema = fixture.resolve(schema)
        if let parts = schema["allOf"]?.arrayValue {
            return example(merged(parts), full: full, name: name)
        }
        if let variants = schema["anyOf"]?.arrayValue {
            let present = variants.map(fixture.resolve).filter { $0["type"]?.stringValue != "null" }
            if present.count < variants.count && !full { return .null }
            if let value = present.first?["enum"]?.arrayValue?.first { return value }
            return present.first.map { example($0, full: full, name: name) } ?? .null
        }
        if let value = schema["enum"]?.arrayValue?.first { return value }
        switch schema["type"]?.stringValue {
        case "object":
            let properties = schema["properties"]?.objectValue ?? [:]
            let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var object: [String: JSONValue] = [:]
            for (key, property) in properties where full || required.contains(key) {
                object[key] = example(property, full: full, name: key)
            }
            return .object(object)
        case "array":
            return .array([example(schema["items"] ?? [:], full: full, name: name)])
        case "string":
            return .string(string(schema, name: name))
        case "number", "integer":
            return .number(schema["minimum"]?.doubleValue ?? schema["default"]?.doubleValue ?? 1)
        case "boolean":
            return true
        default:
            return ["free": "form", "count": 2]
        }
    }

    /// Each variant of `value` with one required property of some object removed, with its path.
    func withoutRequired(_ schema: JSONValue, _ value: JSONValue, path: String = "") -> [(String, JSONValue)] {
        let schema = resolved(schema)
        switch value {
        case .object(let object):
            let properties = schema["properties"]?.objectValue ?? [:]
            let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            var variants: [(String, JSONValue)] = []
            for key in required where object[key] != nil {
                var copy = object
                copy[key] = nil
                variants.append((path + "/" + key, .object(copy)))
            }
            for (key, child) in object {
                for (childPath, variant) in withoutRequired(properties[key] ?? [:], child, path: path + "/" + key) {
                    var copy = object
                    copy[key] = variant
                    variants.append((childPath, .object(copy)))
                }
            }
            return variants
        case .array(let items) where items.count == 1:
            return withoutRequired(schema["items"] ?? [:], items[0], path: path + "/0").map { ($0.0, .array([$0.1])) }
        default:
            return []
        }
    }

    /// The schema with `$ref`, `allOf` and nullable `anyOf` wrappers taken off.
    func resolved(_ schema: JSONValue) -> JSONValue {
        let schema = fixture.resolve(schema)
        if let parts = schema["allOf"]?.arrayValue { return merged(parts) }
        if let variants = schema["anyOf"]?.arrayValue,
            let object = variants.map(fixture.resolve).first(where: { $0["type"]?.stringValue == "object" })
        {
            return object
        }
        return schema
    }

    private func merged(_ parts: [JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for part in parts.map(fixture.resolve) {
            properties.merge(part["properties"]?.objectValue ?? [:]) { _, last in last }
            required += part["required"]?.arrayValue ?? []
        }
        return ["type": "object", "properties": .object(properties), "required": .array(required)]
    }

    private func string(_ schema: JSONValue, name: String?) -> String {
        switch schema["format"]?.stringValue {
        case "uuid": return Self.uuid
        case "date-time": return Self.timestamp
        case "uri": return "https://themolt.net/problems/not-found"
        default: break
        }
        if let pattern = schema["pattern"]?.stringValue { return Self.patternSamples[pattern] ?? "unknown-pattern" }
        let lowered = name?.lowercased().replacingOccurrences(of: "_", with: "") ?? ""
        if lowered.contains("fingerprint") || lowered == "issuedby" { return Self.fingerprint }
        if lowered == "publickey" { return Self.publicKey }
        let minimum = schema["minLength"]?.intValue ?? 0
        return "example" + String(repeating: "x", count: max(0, minimum - 7))
    }
}
