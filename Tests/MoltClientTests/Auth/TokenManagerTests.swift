import Foundation
import MoltClient
import MoltCore
import Testing

@Suite("token manager against a real token endpoint", .timeLimit(.minutes(1)))
struct TokenManagerTests {
    static let credentials = ClientCredentials(clientID: "agent-7", clientSecret: Secret("s3cret &=+ ü"))

    static func manager(_ server: LoopbackServer, clock: TestClock = TestClock()) -> TokenManager {
        TokenManager(
            credentials: credentials, apiBaseURL: server.baseURL + "/", transport: CurlTransport(),
            now: { clock.now })
    }

    @Test("posts the client_credentials form to <api>/oauth2/token and caches the token")
    func caches() async throws {
        let tokens = TokenServer()
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let manager = Self.manager(server)
            #expect(manager.tokenURL == server.baseURL + "/oauth2/token")
            var values: Set<String> = []
            for _ in 0..<5 { values.insert(try await manager.token().value.value) }
            #expect(values == ["tok-1"])
            #expect(await manager.tokenRequests == 1)
            #expect(
                tokens.forms == [
                    ["grant_type": "client_credentials", "client_id": "agent-7", "client_secret": "s3cret &=+ ü"]
                ])
            let request = try #require(server.requests.first)
            #expect(request.methodName == "POST")
            #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
            #expect(String(decoding: request.body, as: UTF8.self).contains("client_secret=s3cret%20%26%3D%2B%20%C3%BC"))
        }
    }

    @Test("refreshes once less than five minutes remain, not before")
    func refreshesNearExpiry() async throws {
        let tokens = TokenServer(expiresIn: 3600)
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let clock = TestClock()
            let manager = Self.manager(server, clock: clock)
            let first = try await manager.token()
            #expect(first.expiresAt == clock.now.addingTimeInterval(3600))
            clock.advance(by: 3000)  // 10 minutes left
            #expect(try await manager.token().value.value == "tok-1")
            clock.advance(by: 301)  // 4 min 59 s left
            #expect(try await manager.token().value.value == "tok-2")
            #expect(tokens.issued == 2)
        }
    }

    @Test("a short-lived token is used for half its life before it is refreshed")
    func shortLivedTokens() async throws {
        let tokens = TokenServer(expiresIn: 60)
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let clock = TestClock()
            let manager = Self.manager(server, clock: clock)
            _ = try await manager.token()
            clock.advance(by: 20)
            #expect(try await manager.token().value.value == "tok-1")
            clock.advance(by: 11)
            #expect(try await manager.token().value.value == "tok-2")
        }
    }

    @Test("twenty concurrent callers share a single token request")
    func singleFlight() async throws {
        let tokens = TokenServer(tokenDelay: .milliseconds(300))
        try await LoopbackServer.with(threads: 4, handler: tokens.handler) { server in
            let manager = Self.manager(server)
            let values = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await manager.token().value.value } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(values.count == 20)
            #expect(Set(values) == ["tok-1"])
            #expect(tokens.issued == 1)
            #expect(await manager.tokenRequests == 1)
        }
    }

    @Test("a refused token request throws the OAuth2 error without the secret")
    func refused() async throws {
        let body = #"{"error":"invalid_client","error_description":"Client authentication failed."}"#
        let tokens = TokenServer(tokenStatus: 401, tokenBody: body)
        try await LoopbackServer.with(handler: tokens.handler) { server in
            let error = await #expect(throws: TokenError.self) { _ = try await Self.manager(server).token() }
            #expect(
                error
                    == TokenError(
                        .rejected, status: 401,
                        oauth2Error: OAuth2Error(.invalidClient, description: "Client authentication failed.")))
            #expect(
                error?.description == "token request failed (HTTP 401): invalid_client: Client authentication failed.")
            #expect(error?.description.contains("s3cret") == false)
        }
    }

    @Test("an empty or malformed token response is an error")
    func invalidResponses() async throws {
        let empty = TokenServer(tokenBody: #"{"access_token":"","token_type":"bearer","expires_in":3600}"#)
        try await LoopbackServer.with(handler: empty.handler) { server in
            let error = await #expect(throws: TokenError.self) { _ = try await Self.manager(server).token() }
            #expect(error?.code == .emptyToken)
        }
        let garbage = TokenServer(tokenBody: "<html>")
        try await LoopbackServer.with(handler: garbage.handler) { server in
            let error = await #expect(throws: TokenError.self) { _ = try await Self.manager(server).token() }
            #expect(error?.code == .invalidResponse)
        }
    }

    @Test("secrets and tokens print as redacted")
    func redaction() async throws {
        #expect("\(Self.credentials)".contains("s3cret") == false)
        let token = AccessToken(
            value: Secret("tok-secret"), tokenType: "bearer", issuedAt: Date(), expiresAt: Date(), scope: nil)
        #expect("\(token)".contains("tok-secret") == false)
    }
}
