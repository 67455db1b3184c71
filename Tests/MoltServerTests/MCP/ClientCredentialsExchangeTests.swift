import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The X-Client credential exchange on the embedded OAuth2 provider: caching, shared exchanges, lockout.
@Suite("MCP client credential exchange", .serialized, .timeLimit(.minutes(3)))
struct ClientCredentialsExchangeTests {
    @Test("one exchange serves repeated and concurrent requests with the same credentials")
    func caching() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let exchange = ClientCredentialsExchange(oauth2: fixture.oauth2)
            let outcomes = await withTaskGroup(of: ClientCredentialsExchange.Outcome.self) { group in
                for _ in 0..<8 {
                    group.addTask { await exchange.token(clientID: agent.client.id, secret: agent.secret) }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(outcomes).count == 1)
            guard case .token(let token) = outcomes.first else {
                Issue.record("no token: \(outcomes)")
                return
            }
            #expect(await exchange.token(clientID: agent.client.id, secret: agent.secret) == .token(token))
            #expect(await exchange.exchanges == 1)
            let context = try await fixture.services.authenticator.authenticate(token: token)
            #expect(context.clientID == agent.client.id)
            // Another secret for the same client is another cache key (and is rejected).
            #expect(
                await exchange.token(clientID: agent.client.id, secret: "other")
                    == .rejected("Invalid client credentials"))
            #expect(await exchange.exchanges == 2)
        }
    }

    @Test("after the most rejections in a row a client id is locked out, then tried again once the lockout ends")
    func lockout() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let exchange = ClientCredentialsExchange(oauth2: fixture.oauth2, maximumFailures: 3, lockout: .seconds(1))
            for _ in 0..<3 {
                #expect(
                    await exchange.token(clientID: agent.client.id, secret: "bad")
                        == .rejected("Invalid client credentials"))
            }
            #expect(
                await exchange.token(clientID: agent.client.id, secret: agent.secret)
                    == .lockedOut(retryAfterSeconds: 1))
            #expect(await exchange.exchanges == 3)
            try await Task.sleep(for: .milliseconds(1100))
            guard case .token = await exchange.token(clientID: agent.client.id, secret: agent.secret) else {
                Issue.record("the lockout did not end")
                return
            }
            // A success resets the count: two more rejections do not lock.
            for _ in 0..<2 { _ = await exchange.token(clientID: agent.client.id, secret: "bad") }
            guard case .token = await exchange.token(clientID: agent.client.id, secret: agent.secret) else {
                Issue.record("locked out too early")
                return
            }
        }
    }
}
