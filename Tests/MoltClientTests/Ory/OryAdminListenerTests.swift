import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// The Ory clients against a real `moltnetd` admin listener (embedded Kratos, Hydra and Keto on one
/// address, as on 127.0.0.1:8001), end to end.
@Suite("Ory clients against moltnetd's admin listener", .timeLimit(.minutes(2)))
struct OryAdminListenerTests {
    static func agent(_ key: Ed25519PrivateKey) -> KratosCreateIdentity {
        KratosCreateIdentity(
            schemaId: "moltnet_agent",
            traits: [
                "public_key": .string(key.publicKey.wireValue),
                "voucher_code": .string(String(repeating: "ab", count: 32)),
            ],
            password: Secret("moltnet-\(UUID().uuidString.lowercased())"))
    }

    @Test("Kratos: create, get, list by pages and by key, deactivate, recovery code, schemas, delete")
    func kratos() async throws {
        try await TestServer.with { server in
            let kratos = OryAdminClient(endpoints: OryEndpoints(adminURL: server.adminBaseURL)).kratos
            let keys = (0..<3).map { _ in Ed25519PrivateKey.generate() }
            var created: [KratosIdentity] = []
            for key in keys { created.append(try await kratos.createIdentity(Self.agent(key))) }
            let first = created[0]
            #expect(first.schemaId == "moltnet_agent" && first.state == .active)
            #expect(first.trait("public_key") == keys[0].publicKey.wireValue)
            #expect(first.credentials?["password"]?.identifiers == [keys[0].publicKey.wireValue])
            #expect(try await kratos.identity(first.id).id == first.id)

            var listed: [UUID] = []
            var page = try await kratos.identities(pageSize: 1)
            listed += page.items.map(\.id)
            while let token = page.nextPageToken {
                page = try await kratos.identities(pageSize: 1, pageToken: token)
                listed += page.items.map(\.id)
            }
            #expect(Set(created.map(\.id)).isSubset(of: Set(listed)))
            #expect(listed.count == Set(listed).count)
            let byKey = try await kratos.identities(credentialsIdentifier: keys[1].publicKey.wireValue)
            #expect(byKey.items.map(\.id) == [created[1].id])

            #expect(try await kratos.setState(.inactive, of: first.id).state == .inactive)
            let refused = await #expect(throws: OryError.self) {
                _ = try await kratos.patchIdentity(first.id, [.replace("/id", with: "x")])
            }
            #expect(
                refused?.status == 400
                    && refused?.generic?.message == "The request was malformed or contained invalid parameters")

            let code = try await kratos.createRecoveryCode(for: first.id, expiresIn: "15m")
            #expect(!code.recoveryCode.value.isEmpty && code.expiresAt != nil)
            #expect(try await kratos.identitySchemas().map(\.id) == ["moltnet_agent"])

            let duplicate = await #expect(throws: OryError.self) {
                _ = try await kratos.createIdentity(Self.agent(keys[1]))
            }
            #expect(duplicate?.status == 409 && duplicate?.service == .kratos)

            try await kratos.deleteIdentity(first.id)
            let gone = await #expect(throws: OryError.self) { _ = try await kratos.identity(first.id) }
            #expect(gone?.status == 404 && gone?.message == "The requested resource could not be found")
        }
    }

    @Test("Hydra: create, get, list, rotate the secret by PUT, issue and introspect a token, delete")
    func hydra() async throws {
        try await TestServer.with { server in
            let hydra = OryAdminClient(endpoints: OryEndpoints(adminURL: server.adminBaseURL)).hydra
            let client = HydraOAuth2Client(
                clientName: "Agent: test", grantTypes: ["client_credentials"], responseTypes: [], scope: "",
                tokenEndpointAuthMethod: "client_secret_post", metadata: ["type": "moltnet_agent"],
                additionalProperties: ["skip_consent": true])
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try #require(try await hydra.createClient(client).clientId)) }
            let created = try await hydra.client(ids[0])
            #expect(created.clientSecret == nil && created.clientName == "Agent: test")
            #expect(created.metadataValue("type") == "moltnet_agent")
            #expect(created.additionalProperties["skip_consent"] == true)

            var listed: [String] = []
            var page = try await hydra.clients(pageSize: 2)
            listed += page.items.compactMap(\.clientId)
            while let token = page.nextPageToken {
                page = try await hydra.clients(pageSize: 2, pageToken: token)
                listed += page.items.compactMap(\.clientId)
            }
            #expect(Set(ids).isSubset(of: Set(listed)))

            var rotated = created
            rotated.clientSecret = Secret("rotated-secret-0123456789")
            #expect(try await hydra.updateClient(rotated).clientSecret?.value == "rotated-secret-0123456789")
            let api = MoltAPIClient(baseURL: server.baseURL)
            let token = try await api.token(
                for: ClientCredentials(clientID: ids[0], clientSecret: Secret("rotated-secret-0123456789")))
            let introspected = try await hydra.introspect(token: token.accessToken)
            #expect(introspected.active && introspected.clientId == ids[0])
            #expect(introspected.expiresAt.map { $0 > Date() } == true)
            #expect(try await hydra.introspect(token: Secret("not-a-token")).active == false)

            try await hydra.deleteClient(ids[0])
            let gone = await #expect(throws: OryError.self) { _ = try await hydra.client(ids[0]) }
            #expect(gone?.service == .hydra && gone?.status == 404 && gone?.oauth2 != nil && gone?.generic == nil)
        }
    }

    @Test("Keto: MoltNet's tuples, paged lists, checks through the diary rules, deletes by query")
    func keto() async throws {
        try await TestServer.with { server in
            let keto = OryAdminClient(endpoints: OryEndpoints(adminURL: server.adminBaseURL)).keto
            let diary = UUID().uuidString.lowercased()
            let entry = UUID().uuidString.lowercased()
            let tuples = [
                KetoRelationTuple(namespace: "Diary", object: diary, relation: "owner", subject: .id("alice")),
                KetoRelationTuple(namespace: "Diary", object: diary, relation: "readers", subject: .id("bob")),
                KetoRelationTuple(
                    namespace: "DiaryEntry", object: entry, relation: "parent",
                    subject: .set(namespace: "Diary", object: diary, relation: "")),
            ]
            for tuple in tuples { #expect(try await keto.createRelationTuple(tuple) == tuple) }

            var listed: [KetoRelationTuple] = []
            var page = try await keto.relationTuples(KetoRelationQuery(namespace: "Diary", object: diary), pageSize: 1)
            listed += page.items
            while let token = page.nextPageToken {
                page = try await keto.relationTuples(
                    KetoRelationQuery(namespace: "Diary", object: diary), pageSize: 1, pageToken: token)
                listed += page.items
            }
            #expect(Set(listed) == Set(tuples.prefix(2)))
            let bySet = try await keto.relationTuples(
                KetoRelationQuery(
                    namespace: "DiaryEntry", subject: .set(namespace: "Diary", object: diary, relation: "")))
            #expect(bySet.items == [tuples[2]])

            func check(_ namespace: String, _ object: String, _ relation: String, _ subject: String) async throws
                -> Bool
            {
                try await keto.check(
                    KetoRelationTuple(namespace: namespace, object: object, relation: relation, subject: .id(subject)))
            }
            #expect(try await check("DiaryEntry", entry, "view", "bob"))
            #expect(try await check("DiaryEntry", entry, "edit", "bob") == false)
            #expect(try await check("DiaryEntry", entry, "edit", "alice"))
            #expect(try await check("Diary", diary, "manage", "bob") == false)

            try await keto.deleteRelationTuples(
                namespace: "Diary", object: diary, relation: "readers", subject: .id("bob"))
            #expect(try await check("DiaryEntry", entry, "view", "bob") == false)
            try await keto.deleteRelationTuples(namespace: "Diary", object: diary)
            #expect(try await keto.relationTuples(KetoRelationQuery(namespace: "Diary", object: diary)).items.isEmpty)
            let unknown = await #expect(throws: OryError.self) {
                _ = try await keto.relationTuples(KetoRelationQuery(namespace: "Nope"))
            }
            #expect(unknown?.service == .keto && unknown?.status == 404 && unknown?.generic != nil)
        }
    }
}
