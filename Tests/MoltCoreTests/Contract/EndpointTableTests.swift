import Foundation
import MoltCore
import Testing

/// `Endpoints` against the operations of openapi.json.
@Suite("Endpoint table matches openapi.json")
struct EndpointTableTests {
    static var operationIds: [String] {
        OpenAPIFixture.shared?.operations.map(\.operationId) ?? []
    }

    @Test("43 operations, each declared exactly once")
    func everyOperationOnce() throws {
        let fixture = try OpenAPIFixture.load()
        let ids = fixture.operations.map(\.operationId)
        #expect(ids.count == 43)
        #expect(Endpoints.all.count == 43)
        #expect(Set(Endpoints.all.map(\.operationId)).count == Endpoints.all.count, "an operation id is repeated")
        #expect(Set(ids) == Set(Endpoints.all.map(\.operationId)))
    }

    @Test("method, path, tag, authentication and success status", arguments: operationIds)
    func metadata(operationId: String) throws {
        let operation = try #require(try OpenAPIFixture.load().operations.first { $0.operationId == operationId })
        let endpoint = try #require(Endpoints.named(operationId))
        #expect(endpoint.method.rawValue == operation.method)
        #expect(endpoint.path.template == operation.path)
        #expect(endpoint.tag.rawValue == operation.object["tags"]?.arrayValue?.first?.stringValue)
        let secured = !(operation.object["security"]?.arrayValue ?? []).isEmpty
        #expect(endpoint.requiresAuthentication == secured)
        let statuses = (operation.object["responses"]?.objectValue ?? [:]).keys.compactMap(Int.init)
        #expect(endpoint.successStatus == statuses.filter { (200..<300).contains($0) }.min())
        let routed = Endpoints.match(
            endpoint.method,
            path: operation.path.replacingOccurrences(of: "{", with: "")
                .replacingOccurrences(of: "}", with: ""))
        #expect(routed?.value == endpoint, "the router sends \(operation.path) elsewhere")
    }

    @Test("path parameters and their formats", arguments: operationIds)
    func pathParameters(operationId: String) throws {
        let operation = try #require(try OpenAPIFixture.load().operations.first { $0.operationId == operationId })
        let endpoint = try #require(Endpoints.named(operationId))
        var expected: [String: PathParameterFormat] = [:]
        for parameter in operation.object["parameters"]?.arrayValue ?? [] where parameter["in"] == "path" {
            let name = try #require(parameter["name"]?.stringValue)
            let schema = parameter["schema"] ?? [:]
            if schema["format"] == "uuid" {
                expected[name] = .uuid
            } else if schema["pattern"]?.stringValue == ContractPattern.fingerprint.pattern {
                expected[name] = .fingerprint
            } else if schema["anyOf"] != nil {
                expected[name] = .problemSlug
            }
        }
        #expect(endpoint.pathParameterFormats == expected)
        #expect(endpoint.path.parameterNames.count == expected.count)
    }

    @Test("request body types", arguments: operationIds)
    func requestBodies(operationId: String) throws {
        let fixture = try OpenAPIFixture.load()
        let operation = try #require(fixture.operations.first { $0.operationId == operationId })
        let endpoint = try #require(Endpoints.named(operationId))
        guard let schema = operation.object["requestBody"]?["content"]?["application/json"]?["schema"] else {
            if operationId == "getOAuth2Token" {
                // openapi.json leaves the token request undocumented (spec §1.2); it is a form.
                #expect(endpoint.requestMediaType == .formURLEncoded)
                #expect(same(endpoint.bodyType, OAuth2TokenRequest.self))
            } else {
                #expect(endpoint.requestMediaType == nil)
                #expect(same(endpoint.bodyType, NoBody.self))
            }
            return
        }
        #expect(endpoint.requestMediaType == .json)
        let model = try #require(endpoint.bodyType as? any Codable.Type)
        let conformance = ModelConformance(fixture: fixture)
        try conformance.check(model, against: schema, label: "\(operationId) body")
        try conformance.checkRequired(model, against: schema, label: "\(operationId) body")
        let minimal = SchemaExamples(fixture: fixture).example(schema, full: false)
        let body = try #require(try Self.decodeValidatable(endpoint.bodyType, minimal))
        #expect(body.validate().isEmpty, "a valid minimal body fails validation")
    }

    @Test("success response types", arguments: operationIds)
    func responses(operationId: String) throws {
        let fixture = try OpenAPIFixture.load()
        let operation = try #require(fixture.operations.first { $0.operationId == operationId })
        let endpoint = try #require(Endpoints.named(operationId))
        let success = operation.object["responses"]?[String(endpoint.successStatus)]
        if let text = success?["content"]?["text/plain"] {
            #expect(text["schema"]?["type"] == "string")
            #expect(endpoint.responseMediaType == .plainText)
            #expect(same(endpoint.responseType, String.self))
            return
        }
        guard let schema = success?["content"]?["application/json"]?["schema"] else {
            // getProblemType documents no body; spec §1.1 says it is one registry entry.
            #expect(operationId == "getProblemType")
            #expect(same(endpoint.responseType, ProblemTypeInfo.self))
            return
        }
        #expect(endpoint.responseMediaType == .json)
        let model = try #require(endpoint.responseType as? any Codable.Type)
        if let name = OpenAPIFixture.referenceName(schema) {
            let named = try #require(SchemaModelTests.models[name])
            #expect(ObjectIdentifier(named) == ObjectIdentifier(endpoint.responseType), "\(operationId) → \(name)")
        }
        let conformance = ModelConformance(fixture: fixture)
        try conformance.check(model, against: schema, label: "\(operationId) response")
        try conformance.checkRequired(model, against: schema, label: "\(operationId) response")
    }

    @Test("OAuth2 error bodies of the token endpoint")
    func oauth2Errors() throws {
        let fixture = try OpenAPIFixture.load()
        let operation = try #require(fixture.operations.first { $0.operationId == "getOAuth2Token" })
        for status in ["400", "401"] {
            let schema = try #require(
                operation.object["responses"]?[status]?["content"]?["application/json"]?["schema"])
            let conformance = ModelConformance(fixture: fixture)
            try conformance.check(OAuth2Error.self, against: schema, label: "token \(status)")
            try conformance.checkRequired(OAuth2Error.self, against: schema, label: "token \(status)")
        }
    }

    @Test("query parameters parse from their samples and render back", arguments: operationIds)
    func queryParameters(operationId: String) throws {
        let fixture = try OpenAPIFixture.load()
        let operation = try #require(fixture.operations.first { $0.operationId == operationId })
        let endpoint = try #require(Endpoints.named(operationId))
        let queryType = try #require(endpoint.queryType as? any QueryParameters.Type)
        let parameters = (operation.object["parameters"]?.arrayValue ?? []).filter { $0["in"] == "query" }
        let examples = SchemaExamples(fixture: fixture)
        var items: [QueryItem] = []
        var required: [String] = []
        for parameter in parameters {
            let name = try #require(parameter["name"]?.stringValue)
            let sample = examples.example(parameter["schema"] ?? [:], full: true, name: name)
            items.append(QueryItem(name, sample.stringValue ?? sample.intValue.map(String.init) ?? ""))
            if parameter["required"] == true { required.append(name) }
        }
        if parameters.isEmpty { #expect(same(endpoint.queryType, NoQuery.self)) }
        let parsed = try queryType.init(queryItems: items)
        #expect(Set(parsed.queryItems.map(\.name)) == Set(items.map(\.name)))
        #expect(Set(parsed.queryItems.map(\.value)) == Set(items.map(\.value)))
        for name in required {
            #expect(throws: ValidationFailure.self, "\(operationId) parsed without \(name)") {
                _ = try queryType.init(queryItems: items.filter { $0.name != name })
            }
        }
    }

    private func same(_ lhs: Any.Type, _ rhs: Any.Type) -> Bool {
        ObjectIdentifier(lhs) == ObjectIdentifier(rhs)
    }

    private static func decodeValidatable(_ type: Any.Type, _ example: JSONValue) throws -> (any Validatable)? {
        guard let model = type as? any (Decodable & Validatable).Type else { return nil }
        return try decode(model, example)
    }

    private static func decode<Model: Decodable & Validatable>(_ model: Model.Type, _ example: JSONValue) throws
        -> any Validatable
    {
        try JSONCoding.decode(Model.self, from: JSONCoding.encode(example))
    }
}
