import Foundation
import MoltCore
import MoltTestSupport

/// `Tests/Fixtures/openapi.json` (the reference's 43 operations), read as plain JSON.
struct OpenAPIFixture: Sendable {
    /// The document, read once per test process; nil (and every test using it fails) when unreadable.
    static let shared: OpenAPIFixture? = try? OpenAPIFixture()

    /// The shared document.
    /// - Throws: when `Tests/Fixtures/openapi.json` cannot be read or parsed.
    static func load() throws -> OpenAPIFixture {
        guard let shared else { return try OpenAPIFixture() }
        return shared
    }

    /// One operation of the document.
    struct Operation: Sendable {
        let operationId: String
        let method: String
        let path: String
        let object: JSONValue
    }

    let document: JSONValue

    init() throws {
        document = try JSONCoding.decode(JSONValue.self, from: Fixtures.data("openapi.json"))
    }

    /// `components.schemas` by name.
    var schemas: [String: JSONValue] {
        document["components"]?["schemas"]?.objectValue ?? [:]
    }

    /// Every operation, in document order of paths (methods sorted within a path).
    var operations: [Operation] {
        guard let paths = document["paths"]?.objectValue else { return [] }
        return paths.keys.sorted().flatMap { path in
            (paths[path]?.objectValue ?? [:]).keys.sorted().compactMap { method -> Operation? in
                guard let object = paths[path]?[method], let id = object["operationId"]?.stringValue else {
                    return nil
                }
                return Operation(operationId: id, method: method.uppercased(), path: path, object: object)
            }
        }
    }

    /// Follows `$ref` until a schema without one.
    func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        let name = String(reference.split(separator: "/").last ?? "")
        return resolve(schemas[name] ?? .null)
    }

    /// The name a `$ref` points at, if the schema is one.
    static func referenceName(_ schema: JSONValue) -> String? {
        schema["$ref"]?.stringValue.map { String($0.split(separator: "/").last ?? "") }
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    var objectValue: [String: JSONValue]? {
        guard case .object(let object) = self else { return nil }
        return object
    }

    var arrayValue: [JSONValue]? {
        guard case .array(let array) = self else { return nil }
        return array
    }

    var doubleValue: Double? {
        guard case .number(let number) = self else { return nil }
        return number
    }
}
