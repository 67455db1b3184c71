import Foundation
import MoltCore
import Testing

@testable import MoltServer

/// Checks every implementation of the three protocols must pass, run against the embedded services and
/// against the Ory adapters talking to the embedded admin listener.
enum ProviderContract {
    static func identities(_ provider: any IdentityProvider) async throws {
        let key = freshAgentKey()
        let created = try await provider.createIdentity(
            NewIdentity(publicKey: key.publicKey, voucherCode: "contract", fingerprint: key.fingerprint))
        #expect(created.publicKey == key.publicKey && created.fingerprint == key.fingerprint)
        #expect(created.state == .active && created.voucherCode == "contract")
        #expect(try await provider.identity(created.id)?.id == created.id)
        #expect(try await provider.identity(publicKey: key.publicKey)?.id == created.id)
        #expect(try await provider.identity(UUID()) == nil)
        let duplicate = await #expect(throws: IdentityError.self) {
            _ = try await provider.createIdentity(
                NewIdentity(publicKey: key.publicKey, voucherCode: "again", fingerprint: key.fingerprint))
        }
        #expect(duplicate?.code == .conflict)

        let second = freshAgentKey()
        let other = try await provider.createIdentity(
            NewIdentity(publicKey: second.publicKey, voucherCode: "contract", fingerprint: second.fingerprint))
        let first = try await provider.identities(pageSize: 1, pageToken: nil)
        #expect(first.items.count == 1)
        let next = try #require(first.nextPageToken)
        let rest = try await provider.identities(pageSize: 10, pageToken: next)
        #expect(Set((first.items + rest.items).map(\.id)).isSuperset(of: [created.id, other.id]))

        #expect(try await provider.setState(created.id, .inactive).state == .inactive)
        #expect(try await provider.identity(created.id)?.state == .inactive)
        let recovery = try await provider.createRecoveryCode(for: other.id, expiresIn: .seconds(600))
        #expect(recovery.code.count == 6 && recovery.link.contains("flow="))
        try await provider.deleteIdentity(other.id)
        #expect(try await provider.identity(other.id) == nil)
        let missing = await #expect(throws: IdentityError.self) { try await provider.deleteIdentity(other.id) }
        #expect(missing?.code == .notFound)
    }

    static func oauth2(_ provider: any OAuth2Provider, identities: any IdentityProvider) async throws {
        let key = freshAgentKey()
        let identity = try await identities.createIdentity(
            NewIdentity(publicKey: key.publicKey, voucherCode: "contract", fingerprint: key.fingerprint))
        let metadata = OAuth2ClientMetadata(
            identityID: identity.id, publicKey: identity.publicKey, fingerprint: identity.fingerprint)
        let client = try await provider.createClient(NewOAuth2Client(name: "Agent: contract", metadata: metadata))
        let secret = try #require(client.secret)
        #expect(client.scope == EmbeddedOAuth2Provider.defaultScope)
        #expect(client.metadata == metadata)
        #expect(try await provider.client(client.id)?.secret == nil)
        #expect(try await provider.client("missing-\(UUID())") == nil)
        #expect(try await provider.clients(forIdentity: identity.id).map(\.id) == [client.id])
        #expect(try await provider.clients(pageSize: 100, pageToken: nil).items.contains { $0.id == client.id })

        let token = try await provider.issueToken(clientID: client.id, clientSecret: secret, scope: "diary:read")
        #expect(token.scope == "diary:read")
        let introspection = try await provider.introspect(token.token)
        #expect(introspection.active && introspection.clientID == client.id)
        #expect(introspection.identityID == identity.id && introspection.fingerprint == key.fingerprint)
        #expect(try await provider.introspect("not-a-token") == .inactive)
        let wrong = await #expect(throws: IdentityError.self) {
            _ = try await provider.issueToken(clientID: client.id, clientSecret: "wrong-secret", scope: nil)
        }
        #expect(wrong?.code == .unauthorized)
        let badScope = await #expect(throws: IdentityError.self) {
            _ = try await provider.issueToken(clientID: client.id, clientSecret: secret, scope: "root")
        }
        #expect(badScope?.code == .invalid)

        let rotated = try await provider.updateClient(client.id, OAuth2ClientUpdate(newSecret: "contract-secret-2"))
        #expect(rotated.secret == "contract-secret-2" && rotated.metadata == metadata)
        await #expect(throws: IdentityError.self) {
            _ = try await provider.issueToken(clientID: client.id, clientSecret: secret, scope: nil)
        }
        _ = try await provider.issueToken(clientID: client.id, clientSecret: "contract-secret-2", scope: nil)
        #expect(try await provider.jsonWebKeys().first?.alg == "EdDSA")

        try await provider.deleteClient(client.id)
        #expect(try await provider.client(client.id) == nil)
        let missing = await #expect(throws: IdentityError.self) { try await provider.deleteClient(client.id) }
        #expect(missing?.code == .notFound)
    }

    static func permissions(_ engine: any PermissionEngine) async throws {
        let diary = "diary-\(UUID().uuidString.lowercased())"
        let entry = "entry-\(UUID().uuidString.lowercased())"
        try await engine.write([
            RelationTuple(namespace: "Diary", object: diary, relation: "owner", subject: .id("owner")),
            RelationTuple(namespace: "Diary", object: diary, relation: "readers", subject: .id("reader")),
            RelationTuple(
                namespace: "DiaryEntry", object: entry, relation: "parent",
                subject: .set(namespace: "Diary", object: diary, relation: "")),
        ])
        try await engine.write([
            RelationTuple(namespace: "Diary", object: diary, relation: "writers", subject: .id("writer"))
        ])
        for (permission, subject, allowed) in [
            ("view", "reader", true), ("edit", "reader", false), ("edit", "writer", true), ("delete", "owner", true),
            ("view", "stranger", false),
        ] {
            #expect(
                try await engine.check(
                    namespace: "DiaryEntry", object: entry, permission: permission, subjectID: subject)
                    == allowed, "\(permission)@\(subject)")
        }
        #expect(try await engine.check(namespace: "Diary", object: diary, permission: "manage", subjectID: "owner"))
        #expect(!(try await engine.check(namespace: "Diary", object: diary, permission: "manage", subjectID: "writer")))
        #expect(try await engine.objects(namespace: "Diary", permission: "read", subjectID: "reader") == [diary])
        #expect(try await engine.objects(namespace: "DiaryEntry", permission: "edit", subjectID: "writer") == [entry])
        let page = try await engine.tuples(
            RelationQuery(namespace: "Diary", object: diary), pageSize: 2, pageToken: nil)
        #expect(page.items.count == 2)
        let nextToken = try #require(page.nextPageToken)
        let rest = try await engine.tuples(
            RelationQuery(namespace: "Diary", object: diary), pageSize: 2, pageToken: nextToken)
        #expect(rest.items.count == 1 && rest.nextPageToken == nil)
        try await engine.delete(
            RelationQuery(namespace: "Diary", object: diary, relation: "readers", subject: .id("reader")))
        #expect(
            !(try await engine.check(namespace: "DiaryEntry", object: entry, permission: "view", subjectID: "reader")))
        try await engine.delete(RelationQuery(namespace: "Diary", object: diary))
        #expect(!(try await engine.check(namespace: "Diary", object: diary, permission: "read", subjectID: "owner")))
        let noNamespace = await #expect(throws: IdentityError.self) {
            try await engine.delete(RelationQuery(object: diary))
        }
        #expect(noNamespace?.code == .invalid)
    }
}
