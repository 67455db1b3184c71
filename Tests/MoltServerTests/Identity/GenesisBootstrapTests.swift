import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Genesis bootstrap: idempotent, and nothing half-made on failure", .serialized, .timeLimit(.minutes(2)))
struct GenesisBootstrapTests {
    @Test("creates identity, agent key, self tuple and client; a repeat returns them without the secret")
    func createAndRepeat() async throws {
        try await EmbeddedFixture.with { fixture in
            let key = freshAgentKey()
            let first = try await fixture.services.genesis.bootstrap(name: "Alpha", publicKey: key.publicKey)
            #expect(first.created)
            #expect(first.fingerprint == key.fingerprint)
            #expect(first.clientName == "Genesis: Alpha")
            #expect(first.scope == "diary:read diary:write crypto:sign agent:profile")
            let secret = try #require(first.clientSecret)
            let identity = try #require(try await fixture.identities.identity(first.identityID))
            #expect(identity.voucherCode == "genesis-bootstrap")
            let keyRow = try await fixture.database.pool.query(
                "SELECT public_key, fingerprint FROM agent_keys WHERE identity_id = \(first.identityID)"
            ).first
            #expect(try keyRow?.decode("fingerprint", as: String.self) == key.fingerprint)
            let id = first.identityID.uuidString.lowercased()
            #expect(
                try await fixture.permissions.check(namespace: "Agent", object: id, permission: "act_as", subjectID: id)
            )
            let token = try await fixture.oauth2.issueToken(clientID: first.clientID, clientSecret: secret, scope: nil)
            let context = try await fixture.services.authenticator.authenticate(token: token.token)
            #expect(context.identityID == first.identityID && context.fingerprint == key.fingerprint)

            let again = try await fixture.services.genesis.bootstrap(name: "Alpha", publicKey: key.publicKey)
            #expect(!again.created)
            #expect(again.clientSecret == nil)
            #expect(again.identityID == first.identityID && again.clientID == first.clientID)
            #expect(try await fixture.oauth2.clients(forIdentity: first.identityID).count == 1)
        }
    }

    @Test("custom scopes, and bad names or keys are refused before anything is made")
    func validation() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.services.genesis.bootstrap(
                name: "Beta", publicKey: freshAgentKey().publicKey, scopes: ["diary:read"])
            #expect(agent.scope == "diary:read")
            for (name, key) in [("", freshAgentKey().publicKey), ("Gamma", "ed25519:short"), ("Gamma", "nonsense")] {
                let error = await #expect(throws: IdentityError.self) {
                    _ = try await fixture.services.genesis.bootstrap(name: name, publicKey: key)
                }
                #expect(error?.code == .invalid)
            }
            #expect(try await fixture.identities.identities(pageSize: 10, pageToken: nil).items.count == 1)
        }
    }

    @Test("concurrent calls for one key make one agent and one client")
    func concurrent() async throws {
        try await EmbeddedFixture.with { fixture in
            let key = freshAgentKey()
            let results = try await withThrowingTaskGroup(of: GenesisBootstrap.Agent.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await fixture.services.genesis.bootstrap(name: "Delta", publicKey: key.publicKey)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter(\.created).count == 1)
            #expect(results.compactMap(\.clientSecret).count == 1)
            #expect(Set(results.map(\.clientID)).count == 1)
            #expect(try await fixture.oauth2.clients(pageSize: 10, pageToken: nil).items.count == 1)
        }
    }

    @Test("many concurrent calls on a two-connection pool neither deadlock nor duplicate")
    func smallPool() async throws {
        try await EmbeddedFixture.with { fixture in
            let pool = PostgresPool(url: fixture.database.url, maximumConnections: 2, acquireTimeout: .seconds(20))
            let services = IdentityServices(
                configuration: .embedded, database: pool, publicBaseURL: EmbeddedFixture.publicBaseURL)
            let key = freshAgentKey()
            let results = try await withThrowingTaskGroup(of: GenesisBootstrap.Agent.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await services.genesis.bootstrap(name: "Small", publicKey: key.publicKey) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await pool.shutDown()
            #expect(results.filter(\.created).count == 1)
            #expect(Set(results.map(\.clientID)).count == 1)
        }
    }

    @Test("a failing client step undoes the identity, agent key and tuple")
    func clientFailure() async throws {
        try await EmbeddedFixture.with { fixture in
            let genesis = GenesisBootstrap(
                identities: fixture.identities, oauth2: FailingOAuth2Provider(base: fixture.oauth2),
                permissions: fixture.permissions, database: fixture.database.pool)
            let key = freshAgentKey()
            await #expect(throws: IdentityError(.unavailable, "injected failure")) {
                _ = try await genesis.bootstrap(name: "Epsilon", publicKey: key.publicKey)
            }
            try await Self.expectNothingMade(fixture, publicKey: key.publicKey)
            let recovered = try await fixture.services.genesis.bootstrap(name: "Epsilon", publicKey: key.publicKey)
            #expect(recovered.created && recovered.clientSecret != nil)
        }
    }

    @Test("a failing permission step undoes the identity and agent key")
    func permissionFailure() async throws {
        try await EmbeddedFixture.with { fixture in
            let genesis = GenesisBootstrap(
                identities: fixture.identities, oauth2: fixture.oauth2,
                permissions: FailingPermissionEngine(base: fixture.permissions), database: fixture.database.pool)
            let key = freshAgentKey()
            await #expect(throws: IdentityError.self) {
                _ = try await genesis.bootstrap(name: "Zeta", publicKey: key.publicKey)
            }
            try await Self.expectNothingMade(fixture, publicKey: key.publicKey)
        }
    }

    @Test("a key already in agent_keys under another identity fails and leaves no identity behind")
    func agentKeyConflict() async throws {
        try await EmbeddedFixture.with { fixture in
            let key = freshAgentKey()
            try await fixture.database.pool.query(
                "INSERT INTO agent_keys (identity_id, public_key, fingerprint) VALUES (\(UUID()), \(key.publicKey), \(key.fingerprint))"
            )
            let error = await #expect(throws: IdentityError.self) {
                _ = try await fixture.services.genesis.bootstrap(name: "Eta", publicKey: key.publicKey)
            }
            #expect(error?.code == .conflict)
            #expect(try await fixture.identities.identity(publicKey: key.publicKey) == nil)
            #expect(try await fixture.oauth2.clients(pageSize: 10, pageToken: nil).items.isEmpty)
            #expect(try await fixture.permissions.tuples(RelationQuery(), pageSize: 10, pageToken: nil).items.isEmpty)
        }
    }

    static func expectNothingMade(_ fixture: EmbeddedFixture, publicKey: String) async throws {
        #expect(try await fixture.identities.identity(publicKey: publicKey) == nil)
        let keys = try await fixture.database.pool.query("SELECT count(*) AS n FROM agent_keys").first
        #expect(try keys?.decode("n", as: Int.self) == 0)
        #expect(try await fixture.permissions.tuples(RelationQuery(), pageSize: 10, pageToken: nil).items.isEmpty)
        #expect(try await fixture.oauth2.clients(pageSize: 10, pageToken: nil).items.isEmpty)
    }
}

/// The embedded OAuth2 provider with client creation failing (fault injection around the real thing).
struct FailingOAuth2Provider: OAuth2Provider {
    let base: EmbeddedOAuth2Provider

    func createClient(_ request: NewOAuth2Client) async throws(IdentityError) -> OAuth2Client {
        throw IdentityError(.unavailable, "injected failure")
    }
    func client(_ id: String) async throws(IdentityError) -> OAuth2Client? { try await base.client(id) }
    func clients(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<OAuth2Client> {
        try await base.clients(pageSize: pageSize, pageToken: pageToken)
    }
    func clients(forIdentity identityID: UUID) async throws(IdentityError) -> [OAuth2Client] {
        try await base.clients(forIdentity: identityID)
    }
    func updateClient(_ id: String, _ update: OAuth2ClientUpdate) async throws(IdentityError) -> OAuth2Client {
        try await base.updateClient(id, update)
    }
    func deleteClient(_ id: String) async throws(IdentityError) { try await base.deleteClient(id) }
    func issueToken(clientID: String, clientSecret: String, scope: String?) async throws(IdentityError) -> AccessToken {
        try await base.issueToken(clientID: clientID, clientSecret: clientSecret, scope: scope)
    }
    func introspect(_ token: String) async throws(IdentityError) -> TokenIntrospection {
        try await base.introspect(token)
    }
    func jsonWebKeys() async throws(IdentityError) -> [JSONWebKey] { try await base.jsonWebKeys() }
}

/// The embedded permission engine with writes failing.
struct FailingPermissionEngine: PermissionEngine {
    let base: EmbeddedPermissionEngine

    func write(_ tuples: [RelationTuple]) async throws(IdentityError) {
        throw IdentityError(.unavailable, "injected failure")
    }
    func delete(_ query: RelationQuery) async throws(IdentityError) { try await base.delete(query) }
    func check(namespace: String, object: String, permission: String, subjectID: String) async throws(IdentityError)
        -> Bool
    {
        try await base.check(namespace: namespace, object: object, permission: permission, subjectID: subjectID)
    }
    func objects(namespace: String, permission: String, subjectID: String) async throws(IdentityError) -> [String] {
        try await base.objects(namespace: namespace, permission: permission, subjectID: subjectID)
    }
    func tuples(_ query: RelationQuery, pageSize: Int, pageToken: String?) async throws(IdentityError)
        -> Page<RelationTuple>
    {
        try await base.tuples(query, pageSize: pageSize, pageToken: pageToken)
    }
}
