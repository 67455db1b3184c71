import Foundation
import MoltClient
import MoltCore
import Testing

@Suite("bearer authentication with refresh on 401", .timeLimit(.minutes(1)))
struct AuthenticatingTransportTests {
    static func client(_ server: LoopbackServer) -> (AuthenticatingTransport, TokenManager) {
        let manager = TokenManager(
            credentials: ClientCredentials(clientID: "agent-7", clientSecret: Secret("pw")),
            apiBaseURL: server.baseURL, transport: CurlTransport())
        return (AuthenticatingTransport(base: CurlTransport(), tokens: manager), manager)
    }

    @Test("sends the cached bearer token")
    func bearer() async throws {
        let tokens = TokenServer()
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let (transport, _) = Self.client(server)
            for _ in 0..<3 {
                let response = try await transport.send(
                    HTTPClientRequest(method: .get, url: server.baseURL + "/protected"))
                #expect(response.text == "hello tok-1")
            }
            #expect(tokens.issued == 1)
        }
    }

    @Test("on a 401 refreshes once and retries with the same request id")
    func refreshOn401() async throws {
        let tokens = TokenServer(accepts: { $0 >= 2 })  // the first token has been revoked
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let (transport, _) = Self.client(server)
            let response = try await transport.send(
                HTTPClientRequest(method: .post, url: server.baseURL + "/protected", body: Array("{}".utf8)))
            #expect(response.status == 200)
            #expect(response.text == "hello tok-2")
            #expect(tokens.issued == 2)
            let protected = server.requests.filter { $0.path == "/protected" }
            #expect(protected.map { $0.headers["Authorization"] } == ["Bearer tok-1", "Bearer tok-2"])
            #expect(protected[0].headers["X-Request-ID"] == protected[1].headers["X-Request-ID"])
        }
    }

    @Test("a second 401 is returned without another refresh")
    func givesUpAfterOneRefresh() async throws {
        let tokens = TokenServer(accepts: { _ in false })
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let (transport, _) = Self.client(server)
            let response = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/protected"))
            #expect(response.status == 401)
            #expect(tokens.issued == 2)
            #expect(server.requests.filter { $0.path == "/protected" }.count == 2)
        }
    }

    @Test("twenty concurrent requests rejected with the same token share one refresh")
    func concurrent401s() async throws {
        let tokens = TokenServer(tokenDelay: .milliseconds(100), accepts: { $0 >= 2 })
        try await LoopbackServer.with(threads: 4, handler: tokens.handler) { server in
            let (transport, manager) = Self.client(server)
            _ = try await manager.token()  // every request starts with tok-1, which the server rejects
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/protected"))
                            .text
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(bodies == Array(repeating: "hello tok-2", count: 20))
            #expect(tokens.issued == 2)
            #expect(await manager.tokenRequests == 2)
        }
    }
}
