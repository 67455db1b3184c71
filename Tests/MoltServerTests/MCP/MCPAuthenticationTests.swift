import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// Who is calling `/mcp`: bearer tokens, X-Client-Id/X-Client-Secret, anonymous callers, Origin checks and
/// the binding of a session to the caller that opened it.
@Suite("MCP authentication and origins", .serialized, .timeLimit(.minutes(3)))
struct MCPAuthenticationTests {
    @Test("bearer tokens and client credentials authenticate; anonymous callers get public tools only")
    func credentials() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let client = try MCPTestClient(server)
            for headers in [agent.bearer, agent.clientCredentials] {
                let (session, _) = try await client.initialize(headers: headers)
                let (isError, me) = try await client.tool("moltnet_whoami", session: session, headers: headers)
                #expect(!isError)
                #expect(me["authenticated"] == true)
                #expect(me["identity"]?["fingerprint"] == .string(agent.fingerprint))
            }
            let (anonymous, _) = try await client.initialize()
            let (isError, me) = try await client.tool("moltnet_whoami", session: anonymous)
            #expect(!isError)
            #expect(me == ["authenticated": false])
            let (refused, content) = try await client.tool("moltnet_vouch", session: anonymous)
            #expect(refused)
            #expect(content["error"]?.stringValue?.hasPrefix("Not authenticated") == true)
            let (publicError, graph) = try await client.tool("moltnet_trust_graph", session: anonymous)
            #expect(!publicError)
            #expect(graph == ["edges": []])
        }
    }

    @Test("bad credentials are 401 {error: UNAUTHORIZED, message}; a half pair of client headers too")
    func badCredentials() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let client = try MCPTestClient(server)
            let attempts: [[String: String]] = [
                ["Authorization": "Bearer not-a-token"], ["Authorization": "Basic abc"],
                ["X-Client-Id": agent.clientID, "X-Client-Secret": "wrong"],
                ["X-Client-Id": "no-such-client", "X-Client-Secret": "whatever"], ["X-Client-Id": agent.clientID],
            ]
            for headers in attempts {
                let response = try await client.post(
                    MCPTestClient.request(1, "initialize", ["protocolVersion": "2025-11-25"]),
                    headers: headers.merging(["Accept": "application/json"]) { given, _ in given })
                #expect(response.status == 401, "\(headers.keys.sorted())")
                #expect(try response.document["error"] == "UNAUTHORIZED")
                #expect(try response.document["message"]?.stringValue?.isEmpty == false)
                #expect(response.headers["www-authenticate"] == "Bearer")
                #expect(!response.text.contains(agent.clientSecret))
            }
        }
    }

    @Test("five rejected client secrets in a row lock the client id out with 429, even with the right secret")
    func lockout() async throws {
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let client = try MCPTestClient(server)
            let ping = MCPTestClient.request(1, "initialize", ["protocolVersion": "2025-11-25"])
            for _ in 0..<5 {
                let response = try await client.post(
                    ping,
                    headers: ["Accept": "application/json", "X-Client-Id": agent.clientID, "X-Client-Secret": "bad"])
                #expect(response.status == 401)
            }
            let locked = try await client.post(
                ping, headers: agent.clientCredentials.merging(["Accept": "application/json"]) { given, _ in given })
            #expect(locked.status == 429)
            #expect(try locked.document["error"] == "TOO_MANY_REQUESTS")
            #expect(Int(locked.headers["retry-after"] ?? "") ?? 0 > 0)
            let bearer = try await client.post(
                ping, headers: agent.bearer.merging(["Accept": "application/json"]) { given, _ in given })
            #expect(bearer.status == 200)
        }
    }

    @Test("a session belongs to the caller that opened it")
    func sessionBinding() async throws {
        try await TestServer.with { server in
            let alice = try await MCPTestAgent.bootstrap(on: server, name: "Alice")
            let bob = try await MCPTestAgent.bootstrap(on: server, name: "Bob")
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize(headers: alice.bearer)
            for headers in [bob.bearer, [:]] {
                let response = try await client.post(
                    MCPTestClient.request(2, "ping"),
                    headers: headers.merging(["Accept": "application/json", "Mcp-Session-Id": session]) { given, _ in
                        given
                    })
                #expect(response.status == 404)
            }
            let own = try await client.call("ping", session: session, headers: alice.clientCredentials)
            #expect(own["result"] == [:])
        }
    }

    @Test("a request from a disallowed Origin is 403; allowed and absent origins pass")
    func origins() async throws {
        try await TestServer.with(configure: { $0.corsOrigins.append("https://app.example:8443") }) { server in
            let client = try MCPTestClient(server)
            let initialize = MCPTestClient.request(1, "initialize", ["protocolVersion": "2025-11-25"])
            for origin in ["http://evil.example", "http://127.0.0.1:1", "null"] {
                let response = try await client.post(
                    initialize, headers: ["Accept": "application/json", "Origin": origin])
                #expect(response.status == 403, "\(origin)")
                #expect(try response.document["error"]?["code"] == -32000)
                for method in ["GET", "DELETE"] {
                    let other = try await client.http.request(method, "/mcp", headers: ["Origin": origin])
                    #expect(other.status == 403, "\(method) \(origin)")
                }
            }
            let preflight = try await client.http.request(
                "OPTIONS", "/mcp",
                headers: [
                    "Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "mcp-session-id, mcp-protocol-version",
                ])
            #expect(preflight.status == 204)
            #expect(preflight.headers["access-control-allow-headers"]?.contains("Mcp-Session-Id") == true)
            #expect(preflight.headers["access-control-allow-headers"]?.contains("X-Client-Secret") == true)
            for origin in ["http://localhost:3000", "https://app.example:8443", "HTTPS://APP.example:8443/"] {
                let response = try await client.post(
                    initialize, headers: ["Accept": "application/json", "Origin": origin])
                #expect(response.status == 200, "\(origin)")
                if origin == "http://localhost:3000" {
                    #expect(response.headers["access-control-expose-headers"]?.contains("Mcp-Session-Id") == true)
                }
            }
        }
    }

    @Test("the origin policy allows the CORS list and the server's own origin, or everything with *")
    func originPolicy() {
        let policy = MCPOriginPolicy(
            allowedOrigins: ["http://localhost:3000"], publicBaseURL: "https://api.example.net/base/path")
        #expect(policy.allows(nil))
        #expect(policy.allows("http://localhost:3000"))
        #expect(policy.allows("https://api.example.net"))
        #expect(!policy.allows("https://api.example.net.evil.com"))
        #expect(!policy.allows("http://localhost:3001"))
        #expect(MCPOriginPolicy(allowedOrigins: ["*"], publicBaseURL: "http://x").allows("http://anything"))
    }
}
