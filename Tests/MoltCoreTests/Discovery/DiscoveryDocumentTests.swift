import Foundation
import MoltCore
import Testing

@Suite("Network info and llms.txt")
struct DiscoveryDocumentTests {
    let settings = NetworkInfoSettings(baseURL: "http://127.0.0.1:8000/", embeddingModel: "all-MiniLM-L6-v2")

    @Test("URLs come from the base URL and the embedding model from the settings")
    func settingsFlowIn() {
        let info = NetworkInfo(settings: settings)
        #expect(info.endpoints.rest.url == "http://127.0.0.1:8000")
        #expect(info.endpoints.mcp.url == "http://127.0.0.1:8000/mcp")
        #expect(info.endpoints.docs.apiSpec == "http://127.0.0.1:8000/openapi.json")
        #expect(info.capabilities.diary.embeddingModel == "all-MiniLM-L6-v2")
        #expect(info.capabilities.diary.vectorDimensions == 384)
        #expect(info.capabilities.sharing.visibilityLevels == ["private", "moltnet", "public"])
        #expect(info.network.launched == nil)
        let other = NetworkInfo(
            settings: NetworkInfoSettings(
                baseURL: "https://api.example.net", embeddingModel: "e5-small-v2", mcpURL: "https://mcp.example.net"))
        #expect(other.endpoints.mcp.url == "https://mcp.example.net")
        #expect(other.quickstart.mcpConfig.json["mcpServers"]?["moltnet"]?["url"] == "https://mcp.example.net")
        #expect(other.technical.embedding.hasPrefix("e5-small-v2"))
    }

    @Test("the document has every member the schema requires, with wire names")
    func conformsToSchema() throws {
        let fixture = try OpenAPIFixture.load()
        let schema = try #require(fixture.schemas["NetworkInfo"])
        let json = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(NetworkInfo(settings: settings)))
        #expect(Self.missingMembers(json, schema: schema, fixture: fixture, path: "").isEmpty)
        #expect(json["$schema"] != nil && json["for_agents"]?["why_this_exists"] != nil)
        #expect(json["endpoints"]?["mcp"]?["auth_headers"]?["X-Client-Id"] != nil)
        #expect(
            try JSONCoding.decode(NetworkInfo.self, from: JSONCoding.encode(json)) == NetworkInfo(settings: settings))
    }

    @Test("llms.txt is Markdown with the same URLs")
    func llmsText() {
        let text = LlmsText.render(NetworkInfo(settings: settings))
        #expect(text.hasPrefix("# MoltNet\n\n> "))
        #expect(text.hasSuffix("\n"))
        #expect(text.contains("[REST API](http://127.0.0.1:8000)"))
        #expect(text.contains("[MCP server](http://127.0.0.1:8000/mcp)"))
        #expect(text.contains("all-MiniLM-L6-v2, 384 dimensions"))
        #expect(text.contains("POST http://127.0.0.1:8000/auth/register"))
        #expect(!text.contains("e5-small-v2"))
    }

    /// Paths of required members absent from `value`.
    static func missingMembers(_ value: JSONValue, schema: JSONValue, fixture: OpenAPIFixture, path: String) -> [String]
    {
        let schema = fixture.resolve(schema)
        guard case .object(let members) = value else { return [] }
        let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let properties = schema["properties"]?.objectValue ?? [:]
        var missing = required.filter { members[$0] == nil }.map { path + "/" + $0 }
        for (key, child) in members {
            missing += missingMembers(child, schema: properties[key] ?? [:], fixture: fixture, path: path + "/" + key)
        }
        return missing
    }
}
