import MoltCore
import MoltTestSupport

/// The operations of `Tests/Fixtures/openapi.json`: id, method, path template and whether a bearer token
/// is required.
struct OpenAPIOperation: Sendable {
    let operationId: String
    let method: String
    let path: String
    let authenticated: Bool

    /// Every operation of the document, in path order (parsed once per test process).
    static func all() throws -> [OpenAPIOperation] {
        guard let parsed else { return try parse() }
        return parsed
    }

    private static let parsed: [OpenAPIOperation]? = try? parse()

    private static func parse() throws -> [OpenAPIOperation] {
        let document = try JSONCoding.decode(JSONValue.self, from: Fixtures.data("openapi.json"))
        guard case .object(let paths) = document.member("paths") else { return [] }
        return paths.keys.sorted().flatMap { path -> [OpenAPIOperation] in
            guard case .object(let methods) = paths[path] else { return [] }
            return methods.keys.sorted().compactMap { method in
                guard let operation = methods[method], let id = operation.member("operationId")?.stringValue else {
                    return nil
                }
                var authenticated = false
                if case .array(let security) = operation.member("security") { authenticated = !security.isEmpty }
                return OpenAPIOperation(
                    operationId: id, method: method.uppercased(), path: path, authenticated: authenticated)
            }
        }
    }

    /// The operation with this id.
    static func named(_ operationId: String) throws -> OpenAPIOperation? {
        try all().first { $0.operationId == operationId }
    }
}

extension JSONValue {
    /// The member `key` of an object.
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }
}
