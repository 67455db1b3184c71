import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// JSON-RPC errors at `/mcp`: malformed bodies are refused at the HTTP level with the standard codes;
/// well-formed requests that cannot be served get error replies.
@Suite("MCP JSON-RPC errors", .serialized, .timeLimit(.minutes(3)))
struct MCPErrorTests {
    @Test("malformed messages: parse error -32700, invalid request -32600, both HTTP 400 with a null id")
    func malformed() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize()
            let headers = ["Accept": "application/json", "Mcp-Session-Id": session]
            let parse = try await client.post(Array("{\"jsonrpc\": \"2.0\", ".utf8), headers: headers)
            #expect(parse.status == 400)
            #expect(try parse.document["error"]?["code"] == -32700)
            #expect(try parse.document["id"] == .null)

            let invalid: [JSONValue] = [
                ["id": 1, "method": "ping"],
                ["jsonrpc": "1.0", "id": 1, "method": "ping"],
                ["jsonrpc": "2.0", "id": .null, "method": "ping"],
                ["jsonrpc": "2.0", "id": .number(1.5), "method": "ping"],
                ["jsonrpc": "2.0", "id": 1, "method": 7],
                ["jsonrpc": "2.0", "id": 1, "method": "ping", "params": [1, 2]],
                ["jsonrpc": "2.0", "id": 1],
                "ping", [],
            ]
            for message in invalid {
                let response = try await client.post(message, headers: headers)
                #expect(response.status == 400, "\(message.text)")
                #expect(try response.document["error"]?["code"] == -32600, "\(message.text)")
            }
            let text = try await client.post(
                Array("{}".utf8), headers: headers.merging(["Content-Type": "text/plain"]) { given, _ in given })
            #expect(text.status == 415)
        }
    }

    @Test("unknown methods -32601; bad params, unknown tools and prompts -32602; unknown resources -32002")
    func replies() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize()
            let cases: [(String, JSONValue, Int)] = [
                ("resources/subscribe", ["uri": "moltnet://identity"], -32601),
                ("sampling/createMessage", [:], -32601),
                ("tools/call", [:], -32602),
                ("tools/call", ["name": "no_such_tool"], -32602),
                ("tools/call", ["name": "moltnet_info", "arguments": "all"], -32602),
                ("prompts/get", ["name": "no_such_prompt"], -32602),
                ("prompts/get", ["name": "sign_message"], -32602),
                ("resources/read", [:], -32602),
                ("resources/read", ["uri": "moltnet://agent/0000-0000-0000-0000"], -32002),
                ("resources/read", ["uri": "https://example.com/"], -32002),
            ]
            for (method, params, code) in cases {
                let reply = try await client.call(method, params, session: session, id: 11)
                #expect(reply["id"] == 11)
                #expect(reply["error"]?["code"] == .number(Double(code)), "\(method) \(params.text): \(reply.text)")
            }
            let noVersion = try await client.post(MCPTestClient.request(1, "initialize", ["capabilities": [:]]))
            #expect(try noVersion.document["error"]?["code"] == -32602)
            #expect(noVersion.headers["mcp-session-id"] == nil)
            // initialize within a session starts another one.
            let (other, _) = try await client.initialize(headers: ["Mcp-Session-Id": session])
            #expect(other != session)
        }
    }

    @Test("a tool refusing its arguments answers isError with {error}, not a protocol error")
    func toolErrors() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize(headers: agent.bearer)
            let cases: [(String, JSONValue, String)] = [
                ("agent_lookup", [:], "Invalid arguments: fingerprint is required"),
                ("agent_lookup", ["fingerprint": "nope"], "Invalid arguments: fingerprint must look like"),
                (
                    "agent_lookup", ["fingerprint": "0000-0000-0000-0000"],
                    "Agent with fingerprint \"0000-0000-0000-0000\" not found"
                ),
                ("diary_list", ["diary_ref": "no such diary"], "Diary not found"),
                (
                    "diary_list", ["diary_ref": "3f0c1ad4-5a9b-4c1e-9d2f-1b2c3d4e5f60", "limit": 0],
                    "Invalid arguments: limit must be between 1 and 100"
                ),
                ("diary_search", ["query": 42], "Invalid arguments: query must be a string"),
                (
                    "diary_search", ["query": "x", "entry_types": ["dream"]],
                    "Invalid arguments: entry_types items must be one of"
                ),
                ("diary_search", ["query": "x", "w_recency": 2], "Invalid arguments: w_recency must be between"),
                (
                    "crypto_signing_status", ["request_id": "3f0c1ad4-5a9b-4c1e-9d2f-1b2c3d4e5f60"],
                    "Signing request not found"
                ),
                ("crypto_verify", ["signature": .string(String(repeating: "A", count: 89))], "Validation failed"),
                ("public_feed_read", ["entry_id": "3f0c1ad4-5a9b-4c1e-9d2f-1b2c3d4e5f60"], "Entry not found"),
                ("public_feed_browse", ["cursor": "bad"], "Invalid cursor"),
            ]
            for (tool, arguments, message) in cases {
                let (isError, content) = try await client.tool(tool, arguments, session: session, headers: agent.bearer)
                #expect(isError, "\(tool) \(arguments.text)")
                let error = try #require(content["error"]?.stringValue, "\(tool): \(content.text)")
                #expect(error.hasPrefix(message), "\(tool) \(arguments.text): \(error)")
            }
        }
    }
}
