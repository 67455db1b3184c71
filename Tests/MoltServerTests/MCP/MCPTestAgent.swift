import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// An agent for the MCP tests: created by genesis bootstrap on a test server, with its Ed25519 seed (the
/// Python client signs with it) and a token from `POST /oauth2/token`.
struct MCPTestAgent: Sendable {
    let identityID: String
    let fingerprint: String
    let publicKey: String
    let clientID: String
    let clientSecret: String
    let seed: [UInt8]
    let token: String

    static func bootstrap(on server: TestServer, name: String = "MCP-\(UUID().uuidString.prefix(6))") async throws
        -> MCPTestAgent
    {
        let seed = SecureRandom.bytes(32)
        let key = try Ed25519PrivateKey(seed: seed)
        let agent = try await server.application.identity.genesis.bootstrap(
            name: name, publicKey: key.publicKey.wireValue)
        let secret = try #require(agent.clientSecret)
        let client = try RawHTTPClient(port: server.application.port)
        let response = try await client.form(
            "/oauth2/token",
            [("grant_type", "client_credentials"), ("client_id", agent.clientID), ("client_secret", secret)])
        try #require(response.status == 200, "token request failed: \(response.text)")
        let token = try #require(try response.document["access_token"]?.stringValue)
        return MCPTestAgent(
            identityID: agent.identityID.uuidString.lowercased(), fingerprint: agent.fingerprint,
            publicKey: agent.publicKey, clientID: agent.clientID, clientSecret: secret, seed: seed, token: token)
    }

    var bearer: [String: String] { ["Authorization": "Bearer \(token)"] }
    var clientCredentials: [String: String] { ["X-Client-Id": clientID, "X-Client-Secret": clientSecret] }
}

/// JSON-RPC over `/mcp` on one keep-alive connection, for the transport tests.
struct MCPTestClient {
    let http: RawHTTPClient

    init(_ server: TestServer) throws {
        http = try RawHTTPClient(port: server.application.port)
    }

    static let accept = ["Accept": "application/json, text/event-stream"]

    /// POSTs raw bytes to `/mcp`.
    func post(_ body: [UInt8], headers: [String: String] = ["Accept": "application/json"]) async throws
        -> RawHTTPClient.Response
    {
        try await http.request(
            "POST", "/mcp", headers: headers.merging(["Content-Type": "application/json"]) { given, _ in given },
            body: body)
    }

    /// POSTs a JSON document to `/mcp`.
    func post(_ document: JSONValue, headers: [String: String] = ["Accept": "application/json"]) async throws
        -> RawHTTPClient.Response
    {
        try await post(document.encoded, headers: headers)
    }

    /// Sends `initialize` asking for `version`; returns the session id and the result.
    func initialize(version: String = "2025-11-25", headers: [String: String] = [:]) async throws
        -> (session: String, result: JSONValue)
    {
        let response = try await post(
            Self.request(
                1, "initialize",
                [
                    "protocolVersion": .string(version), "capabilities": [:],
                    "clientInfo": ["name": "swift-test", "version": "1"],
                ]),
            headers: headers.merging(["Accept": "application/json"]) { given, _ in given })
        try #require(response.status == 200, "initialize failed: \(response.status) \(response.text)")
        let session = try #require(response.headers["mcp-session-id"])
        return (session, try #require(try response.document["result"]))
    }

    /// A request within a session; returns the whole JSON-RPC reply.
    func call(
        _ method: String, _ params: JSONValue = [:], session: String, headers: [String: String] = [:], id: Int = 2
    ) async throws -> JSONValue {
        let response = try await post(
            Self.request(id, method, params),
            headers: headers.merging(["Accept": "application/json", "Mcp-Session-Id": session]) { given, _ in given })
        try #require(response.status == 200, "\(method) failed: \(response.status) \(response.text)")
        return try response.document
    }

    /// Calls a tool and returns `(isError, structuredContent)`.
    func tool(_ name: String, _ arguments: JSONValue = [:], session: String, headers: [String: String] = [:])
        async throws -> (isError: Bool, content: JSONValue)
    {
        let reply = try await call(
            "tools/call", ["name": .string(name), "arguments": arguments], session: session, headers: headers)
        let result = try #require(reply["result"], "no result: \(reply.text)")
        return (result["isError"]?.boolValue == true, try #require(result["structuredContent"]))
    }

    static func request(_ id: Int, _ method: String, _ params: JSONValue = [:]) -> JSONValue {
        ["jsonrpc": "2.0", "id": .number(Double(id)), "method": .string(method), "params": params]
    }
}
