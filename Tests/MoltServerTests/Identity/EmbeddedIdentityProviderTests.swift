import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Embedded identity provider on the real database", .serialized, .timeLimit(.minutes(2)))
struct EmbeddedIdentityProviderTests {
    @Test("creates an identity, finds it by id and by key, and stores the webhook's public metadata")
    func createAndFind() async throws {
        try await EmbeddedFixture.with { fixture in
            let key = freshAgentKey()
            let created = try await fixture.identities.createIdentity(
                NewIdentity(publicKey: key.publicKey, voucherCode: "abc", fingerprint: key.fingerprint))
            #expect(created.state == .active)
            #expect(created.schemaID == "moltnet_agent")
            #expect(try await fixture.identities.identity(created.id) == created)
            #expect(try await fixture.identities.identity(publicKey: key.publicKey) == created)
            #expect(try await fixture.identities.identity(publicKey: freshAgentKey().publicKey) == nil)
            #expect(try await fixture.identities.identity(UUID()) == nil)
            let record = try #require(try await fixture.identities.record(created.id))
            #expect(record.metadataPublic?["fingerprint"]?.stringValue == key.fingerprint)
            #expect(record.metadataPublic?["public_key"]?.stringValue == key.publicKey)
        }
    }

    @Test("a duplicate public key is a conflict, a malformed one is invalid")
    func duplicateAndInvalid() async throws {
        try await EmbeddedFixture.with { fixture in
            let key = freshAgentKey()
            _ = try await fixture.identities.createIdentity(
                NewIdentity(publicKey: key.publicKey, voucherCode: "one", fingerprint: key.fingerprint))
            await #expect(
                throws: IdentityError(.conflict, "This identity conflicts with another identity that already exists.")
            ) {
                _ = try await fixture.identities.createIdentity(
                    NewIdentity(publicKey: key.publicKey, voucherCode: "two", fingerprint: key.fingerprint))
            }
            let badKey = await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.createIdentity(
                    NewIdentity(publicKey: "ed25519:AAAA", voucherCode: "x", fingerprint: "0000-0000-0000-0000"))
            }
            #expect(badKey?.code == .invalid)
            let longVoucher = await #expect(throws: IdentityError.self) {
                let other = freshAgentKey()
                _ = try await fixture.identities.createIdentity(
                    NewIdentity(
                        publicKey: other.publicKey, voucherCode: String(repeating: "v", count: 65),
                        fingerprint: other.fingerprint))
            }
            #expect(longVoucher?.code == .invalid)
        }
    }

    @Test("pages through identities in creation order with opaque tokens")
    func pagination() async throws {
        try await EmbeddedFixture.with { fixture in
            var made: [UUID] = []
            for _ in 0..<5 {
                let key = freshAgentKey()
                made.append(
                    try await fixture.identities.createIdentity(
                        NewIdentity(publicKey: key.publicKey, voucherCode: "v", fingerprint: key.fingerprint)
                    ).id)
            }
            var seen: [UUID] = []
            var token: String?
            var pages = 0
            repeat {
                let page = try await fixture.identities.identities(pageSize: 2, pageToken: token)
                seen += page.items.map(\.id)
                token = page.nextPageToken
                pages += 1
            } while token != nil
            #expect(seen == made)
            #expect(pages == 3)
            await #expect(throws: IdentityError(.invalid, "malformed page_token")) {
                _ = try await fixture.identities.identities(pageSize: 2, pageToken: "not-a-token")
            }
        }
    }

    @Test("deactivates and reactivates, moving state_changed_at only on a change")
    func state() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let inactive = try await fixture.identities.setState(agent.identity.id, .inactive)
            #expect(inactive.state == .inactive)
            #expect(inactive.stateChangedAt >= agent.identity.stateChangedAt)
            let again = try await fixture.identities.setState(agent.identity.id, .inactive)
            #expect(again.stateChangedAt == inactive.stateChangedAt)
            #expect(try await fixture.identities.setState(agent.identity.id, .active).state == .active)
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.setState(UUID(), .inactive)
            }
        }
    }

    @Test("deletes an identity once; the second delete is not found")
    func delete() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            try await fixture.identities.deleteIdentity(agent.identity.id)
            #expect(try await fixture.identities.identity(agent.identity.id) == nil)
            let error = await #expect(throws: IdentityError.self) {
                try await fixture.identities.deleteIdentity(agent.identity.id)
            }
            #expect(error?.code == .notFound)
        }
    }

    @Test("a recovery code redeems once, within its lifetime, and burns after five wrong guesses")
    func recoveryCodes() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let code = try await fixture.identities.createRecoveryCode(
                for: agent.identity.id, expiresIn: .seconds(3600))
            #expect(code.code.count == 6 && code.code.allSatisfy(\.isNumber))
            #expect(code.link.hasPrefix("http://127.0.0.1:8000/self-service/recovery?flow="))
            #expect(code.expiresAt == fixture.clock.now().addingTimeInterval(3600))
            let flow = try #require(UUID(uuidString: String(code.link.split(separator: "=").last!)))
            let wrong = code.code == "000000" ? "111111" : "000000"
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.redeemRecoveryCode(flowID: flow, code: wrong)
            }
            #expect(try await fixture.identities.redeemRecoveryCode(flowID: flow, code: code.code) == agent.identity.id)
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.redeemRecoveryCode(flowID: flow, code: code.code)
            }

            let expiring = try await fixture.identities.createRecoveryCode(
                for: agent.identity.id, expiresIn: .seconds(60))
            let expiringFlow = try #require(UUID(uuidString: String(expiring.link.split(separator: "=").last!)))
            fixture.clock.advance(seconds: 61)
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.redeemRecoveryCode(flowID: expiringFlow, code: expiring.code)
            }

            let guessed = try await fixture.identities.createRecoveryCode(
                for: agent.identity.id, expiresIn: .seconds(600))
            let guessedFlow = try #require(UUID(uuidString: String(guessed.link.split(separator: "=").last!)))
            let bad = guessed.code == "999999" ? "888888" : "999999"
            for _ in 0..<EmbeddedIdentityProvider.recoveryAttemptLimit {
                _ = try? await fixture.identities.redeemRecoveryCode(flowID: guessedFlow, code: bad)
            }
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.redeemRecoveryCode(flowID: guessedFlow, code: guessed.code)
            }
            let unknown = await #expect(throws: IdentityError.self) {
                _ = try await fixture.identities.createRecoveryCode(for: UUID(), expiresIn: .seconds(60))
            }
            #expect(unknown?.code == .notFound)
        }
    }
}
