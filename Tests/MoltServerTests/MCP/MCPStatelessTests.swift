import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The stateless revision 2026-07-28: `server/discover`, the per-request `_meta` envelope mirrored in
/// headers, and its error statuses.
@Suite("MCP stateless revision 2026-07-28", .serialized, .timeLimit(.minutes(3)))
struct MCPStatelessTests {
    static let meta: JSONValue = [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": [:],
    ]

    static func headers(_ method: String, name: String? = nil, version: String = "2026-07-28") -> [String: String] {
        var headers = ["Accept": "application/json", "MCP-Protocol-Version": version, "Mcp-Method": method]
        if let name { headers["Mcp-Name"] = name }
        return headers
    }

    @Test("server/discover and every method work without a session, with resultType, cache hints and serverInfo")
    func discoverAndCall() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let client = try MCPTestClient(server)
            let discover = try await client.post(
                MCPTestClient.request(1, "server/discover", ["_meta": Self.meta]),
                headers: Self.headers("server/discover"))
            #expect(discover.status == 200)
            #expect(discover.headers["mcp-session-id"] == nil)
            let result = try #require(try discover.document["result"])
            #expect(result["supportedVersions"] == ["2026-07-28"])
            #expect(result["resultType"] == "complete")
            #expect(result["cacheScope"] == "public")
            #expect(result["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == "moltnet")

            let list = try await client.post(
                MCPTestClient.request(2, "tools/list", ["_meta": Self.meta]), headers: Self.headers("tools/list"))
            let tools = try #require(try list.document["result"])
            #expect(tools["tools"]?.arrayValue?.count == 20)
            #expect(tools["ttlMs"] == 60_000)
            #expect(tools["resultType"] == "complete")

            let call = try await client.post(
                MCPTestClient.request(
                    3, "tools/call", ["name": "moltnet_whoami", "arguments": [:], "_meta": Self.meta]),
                headers: Self.headers("tools/call", name: "moltnet_whoami").merging(agent.bearer) { given, _ in given })
            let called = try #require(try call.document["result"])
            #expect(called["structuredContent"]?["authenticated"] == true)
            #expect(called["resultType"] == "complete")

            let read = try await client.post(
                MCPTestClient.request(4, "resources/read", ["uri": "moltnet://identity", "_meta": Self.meta]),
                headers: Self.headers(
                    "resources/read", name: "=?base64?\(Base64.encode(Array("moltnet://identity".utf8)))?="))
            #expect(try read.document["result"]?["cacheScope"] == "private")

            let notification = try await client.post(
                ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 4]],
                headers: Self.headers("notifications/cancelled"))
            #expect(notification.status == 202)
        }
    }

    @Test("the request ladder: envelope -32602, headers -32020, version -32022, unknown method 404")
    func ladder() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let cases: [(JSONValue, [String: String], Int, Int)] = [
                (MCPTestClient.request(1, "tools/list"), Self.headers("tools/list"), 400, -32602),
                (
                    MCPTestClient.request(
                        1, "tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2026-07-28"]]),
                    Self.headers("tools/list"), 400, -32602
                ),
                (
                    MCPTestClient.request(1, "tools/list", ["_meta": Self.meta]), Self.headers("prompts/list"), 400,
                    -32020
                ),
                (
                    MCPTestClient.request(1, "tools/call", ["name": "moltnet_info", "_meta": Self.meta]),
                    Self.headers("tools/call", name: "agent_lookup"), 400, -32020
                ),
                (
                    MCPTestClient.request(
                        1, "tools/list",
                        [
                            "_meta": [
                                "io.modelcontextprotocol/protocolVersion": "2027-01-01",
                                "io.modelcontextprotocol/clientCapabilities": [:],
                            ]
                        ]),
                    Self.headers("tools/list", version: "2027-01-01"), 400, -32022
                ),
                (MCPTestClient.request(1, "no/such", ["_meta": Self.meta]), Self.headers("no/such"), 404, -32601),
                (MCPTestClient.request(1, "initialize", ["_meta": Self.meta]), Self.headers("initialize"), 404, -32601),
                (
                    [MCPTestClient.request(1, "tools/list", ["_meta": Self.meta])], Self.headers("tools/list"), 400,
                    -32600
                ),
            ]
            for (body, headers, status, code) in cases {
                let response = try await client.post(body, headers: headers)
                #expect(response.status == status, "\(body.text)")
                #expect(
                    try response.document["error"]?["code"] == .number(Double(code)), "\(body.text): \(response.text)")
            }
            let unsupported = try await client.post(
                MCPTestClient.request(
                    1, "server/discover",
                    [
                        "_meta": [
                            "io.modelcontextprotocol/protocolVersion": "2027-01-01",
                            "io.modelcontextprotocol/clientCapabilities": [:],
                        ]
                    ]),
                headers: Self.headers("server/discover", version: "2027-01-01"))
            let data = try #require(try unsupported.document["error"]?["data"])
            #expect(data["requested"] == "2027-01-01")
            #expect(data["supported"]?.stringArray?.contains("2026-07-28") == true)
            #expect(data["supported"]?.stringArray?.contains("2025-11-25") == true)
        }
    }
}
