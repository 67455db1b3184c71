import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The Streamable HTTP transport rules at `/mcp`: version negotiation, sessions, protocol version headers,
/// GET and DELETE, notifications, batches and SSE framing.
@Suite("MCP Streamable HTTP transport", .serialized, .timeLimit(.minutes(3)))
struct MCPTransportTests {
    @Test(
        "initialize negotiates the revision and opens a session",
        arguments: [
            ("2025-11-25", "2025-11-25"), ("2025-06-18", "2025-06-18"), ("2025-03-26", "2025-03-26"),
            ("2024-11-05", "2024-11-05"), ("2026-07-28", "2025-11-25"), ("1999-01-01", "2025-11-25"),
        ])
    func negotiation(requested: String, expected: String) async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (session, result) = try await client.initialize(version: requested)
            #expect(result["protocolVersion"] == .string(expected))
            #expect(
                result["serverInfo"] == [
                    "name": "moltnet", "title": "MoltNet", "version": .string(MoltVersion.current),
                ])
            #expect(result["capabilities"]?["tools"] == ["listChanged": false])
            #expect(result["capabilities"]?["resources"] == ["subscribe": false, "listChanged": false])
            #expect(result["capabilities"]?["prompts"] == ["listChanged": false])
            #expect(session.count == 43)
            let pong = try await client.call("ping", session: session)
            #expect(pong == ["jsonrpc": "2.0", "id": 2, "result": [:]])
        }
    }

    @Test("requests need their session: 400 without one, 404 for an unknown or closed one")
    func sessions() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let missing = try await client.post(MCPTestClient.request(1, "tools/list"))
            #expect(missing.status == 400)
            #expect(try missing.document["error"]?["code"] == -32600)
            #expect(try missing.document["id"] == .null)

            let unknown = try await client.post(
                MCPTestClient.request(1, "tools/list"),
                headers: ["Accept": "application/json", "Mcp-Session-Id": "nope"])
            #expect(unknown.status == 404)
            #expect(try unknown.document["error"]?["code"] == -32001)

            let (session, _) = try await client.initialize()
            let listed = try await client.call("tools/list", session: session)
            #expect(listed["result"]?["tools"]?.arrayValue?.count == 20)

            let closed = try await client.http.request("DELETE", "/mcp", headers: ["Mcp-Session-Id": session])
            #expect(closed.status == 204)
            let after = try await client.post(
                MCPTestClient.request(3, "ping"), headers: ["Accept": "application/json", "Mcp-Session-Id": session])
            #expect(after.status == 404)
            let again = try await client.http.request("DELETE", "/mcp", headers: ["Mcp-Session-Id": session])
            #expect(again.status == 404)
            let bare = try await client.http.request("DELETE", "/mcp")
            #expect(bare.status == 400)
        }
    }

    @Test("MCP-Protocol-Version must be a supported revision and the session's own")
    func protocolVersionHeader() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize(version: "2025-06-18")
            let matching = try await client.post(
                MCPTestClient.request(2, "ping"),
                headers: [
                    "Accept": "application/json", "Mcp-Session-Id": session, "MCP-Protocol-Version": "2025-06-18",
                ])
            #expect(matching.status == 200)
            for version in ["2025-11-25", "2030-01-01", "garbage"] {
                let response = try await client.post(
                    MCPTestClient.request(3, "ping"),
                    headers: ["Accept": "application/json", "Mcp-Session-Id": session, "MCP-Protocol-Version": version])
                #expect(response.status == 400, "\(version)")
                #expect(try response.document["error"]?["code"] == -32600)
            }
        }
    }

    @Test("GET offers no stream (405 with Allow); notifications and responses are accepted with 202")
    func getAndNotifications() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let get = try await client.http.request("GET", "/mcp", headers: ["Accept": "text/event-stream"])
            #expect(get.status == 405)
            #expect(get.headers["allow"] == "POST, DELETE")

            let (session, _) = try await client.initialize()
            let headers = ["Accept": "application/json, text/event-stream", "Mcp-Session-Id": session]
            let initialized = try await client.post(
                ["jsonrpc": "2.0", "method": "notifications/initialized"], headers: headers)
            #expect(initialized.status == 202)
            #expect(initialized.body.isEmpty)
            let cancelled = try await client.post(
                ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 7]], headers: headers)
            #expect(cancelled.status == 202)
            let response = try await client.post(["jsonrpc": "2.0", "id": 9, "result": [:]], headers: headers)
            #expect(response.status == 202)
        }
    }

    @Test("a client accepting text/event-stream gets the reply as one SSE message event; others get JSON")
    func sseFraming() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize()
            let streamed = try await client.post(
                MCPTestClient.request(5, "ping"),
                headers: ["Accept": "application/json, text/event-stream", "Mcp-Session-Id": session])
            #expect(streamed.status == 200)
            #expect(streamed.headers["content-type"] == "text/event-stream")
            #expect(streamed.text == "event: message\ndata: {\"id\":5,\"jsonrpc\":\"2.0\",\"result\":{}}\n\n")

            let plain = try await client.post(
                MCPTestClient.request(6, "ping"), headers: ["Accept": "application/json", "Mcp-Session-Id": session])
            #expect(plain.headers["content-type"] == "application/json; charset=utf-8")
            #expect(try plain.document == ["jsonrpc": "2.0", "id": 6, "result": [:]])

            let refused = try await client.post(
                MCPTestClient.request(7, "ping"), headers: ["Accept": "text/html", "Mcp-Session-Id": session])
            #expect(refused.status == 406)
        }
    }

    @Test("batches work in the revisions that have them and are refused in later ones")
    func batches() async throws {
        try await TestServer.with { server in
            let client = try MCPTestClient(server)
            let (old, _) = try await client.initialize(version: "2025-03-26")
            let batch: JSONValue = [
                MCPTestClient.request(1, "ping"), ["jsonrpc": "2.0", "method": "notifications/initialized"],
                MCPTestClient.request(2, "no/such/method"),
            ]
            let answered = try await client.post(batch, headers: ["Accept": "application/json", "Mcp-Session-Id": old])
            #expect(answered.status == 200)
            let replies = try #require(try answered.document.arrayValue)
            #expect(replies.count == 2)
            #expect(replies.first == ["jsonrpc": "2.0", "id": 1, "result": [:]])
            #expect(replies.last?["error"]?["code"] == -32601)

            let (current, _) = try await client.initialize(version: "2025-06-18")
            let refused = try await client.post(
                batch, headers: ["Accept": "application/json", "Mcp-Session-Id": current])
            #expect(refused.status == 400)
            #expect(try refused.document["error"]?["code"] == -32600)
        }
    }
}
