import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Token verification cache of the embedded issuer", .serialized, .timeLimit(.minutes(2)))
struct TokenVerificationCacheTests {
    @Test("a verified token is cached by its SHA-256, and a changed token is not found")
    func cachesVerifiedTokens() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil
            ).token
            let cache = fixture.oauth2.store.tokenCache
            #expect(cache.count == 0)
            let first = try await fixture.oauth2.introspect(token)
            #expect(first.active && first.identityID == agent.identity.id)
            #expect(cache.count == 1)
            #expect(cache.lookup(token, now: fixture.clock.now()) == first)
            #expect(try await fixture.oauth2.introspect(token) == first)
            #expect(cache.lookup(token + "x", now: fixture.clock.now()) == nil)
            #expect(try await fixture.oauth2.introspect(token + "x") == .inactive)
            #expect(cache.count == 1)
        }
    }

    @Test("deactivating or deleting the identity refuses a cached token at once")
    func identityChangesInvalidate() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil
            ).token
            #expect(try await fixture.oauth2.introspect(token).active)
            _ = try await fixture.identities.setState(agent.identity.id, .inactive)
            #expect(try await fixture.oauth2.introspect(token) == .inactive)
            await #expect(throws: BearerAuthenticationError.invalidToken) {
                _ = try await fixture.services.authenticator.authenticate(token: token)
            }
            _ = try await fixture.identities.setState(agent.identity.id, .active)
            #expect(try await fixture.oauth2.introspect(token).active)
            try await fixture.identities.deleteIdentity(agent.identity.id)
            #expect(try await fixture.oauth2.introspect(token) == .inactive)
        }
    }

    @Test("deleting the client, or rotating its secret, drops its cached tokens")
    func clientChangesInvalidate() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil
            ).token
            let cache = fixture.oauth2.store.tokenCache
            #expect(try await fixture.oauth2.introspect(token).active)
            _ = try await fixture.oauth2.updateClient(
                agent.client.id, OAuth2ClientUpdate(newSecret: "a-rotated-secret-value"))
            #expect(cache.lookup(token, now: fixture.clock.now()) == nil)
            #expect(try await fixture.oauth2.introspect(token).active)
            #expect(cache.count == 1)
            try await fixture.oauth2.deleteClient(agent.client.id)
            #expect(cache.count == 0)
            #expect(try await fixture.oauth2.introspect(token) == .inactive)
        }
    }

    @Test("an entry lives at most the cache lifetime and never past the token's expiry")
    func lifetimeAndExpiry() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil
            ).token
            let cache = fixture.oauth2.store.tokenCache
            _ = try await fixture.oauth2.introspect(token)
            fixture.clock.advance(seconds: cache.lifetime + 1)
            #expect(cache.lookup(token, now: fixture.clock.now()) == nil)
            #expect(try await fixture.oauth2.introspect(token).active)
            fixture.clock.advance(seconds: Double(EmbeddedOAuth2Provider.tokenLifetime))
            #expect(try await fixture.oauth2.introspect(token) == .inactive)
            let nearExpiry = TokenIntrospection(
                active: true, clientID: "c", expiresAt: fixture.clock.now().addingTimeInterval(2))
            cache.store("short-lived", nearExpiry, now: fixture.clock.now(), generation: cache.generation)
            #expect(cache.lookup("short-lived", now: fixture.clock.now().addingTimeInterval(1)) == nearExpiry)
            #expect(cache.lookup("short-lived", now: fixture.clock.now().addingTimeInterval(3)) == nil)
            #expect(cache.lookup("short-lived", now: fixture.clock.now().addingTimeInterval(-1)) == nil)
        }
    }

    @Test("a verification that raced with an invalidation is not cached; a full cache starts over")
    func generationAndCapacity() {
        let cache = TokenVerificationCache(lifetime: 10, capacity: 3)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let identity = UUID()
        let active = TokenIntrospection(
            active: true, clientID: "c", expiresAt: now.addingTimeInterval(3600), identityID: identity)
        let before = cache.generation
        cache.invalidate(identityID: identity)
        cache.store("raced", active, now: now, generation: before)
        #expect(cache.lookup("raced", now: now) == nil)
        cache.store("inactive", .inactive, now: now, generation: cache.generation)
        #expect(cache.count == 0)
        for token in ["a", "b", "c"] { cache.store(token, active, now: now, generation: cache.generation) }
        #expect(cache.count == 3)
        cache.store("d", active, now: now, generation: cache.generation)
        #expect(cache.count == 1)
        #expect(cache.lookup("d", now: now) == active)
        cache.invalidate(clientID: "c")
        #expect(cache.lookup("d", now: now) == nil)
    }
}
