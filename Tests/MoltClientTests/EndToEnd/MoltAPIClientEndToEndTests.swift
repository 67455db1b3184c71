import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// ``MoltAPIClient`` against a real `moltnetd` for the routes main serves: a genesis agent (made on the
/// admin listener) signs in with its client credentials and uses diaries, entries, vouchers and signing.
@Suite("MoltAPIClient against moltnetd", .timeLimit(.minutes(2)))
struct MoltAPIClientEndToEndTests {
    struct Genesis: Decodable {
        let identity_id: String
        let client_id: String
        let client_secret: String
    }

    /// A genesis agent's key and credentials, from `POST /admin/moltnet/genesis`.
    static func genesisAgent(_ server: TestServer) async throws -> (Ed25519PrivateKey, ClientCredentials, AgentID) {
        let key = Ed25519PrivateKey.generate()
        let admin = MoltHTTPClient(baseURL: server.adminBaseURL)
        let genesis: Genesis = try await admin.send(
            .post, "/admin/moltnet/genesis", body: ["name": "e2e", "public_key": key.publicKey.wireValue],
            authenticated: false)
        let credentials = ClientCredentials(clientID: genesis.client_id, clientSecret: Secret(genesis.client_secret))
        return (key, credentials, try #require(AgentID(genesis.identity_id)))
    }

    @Test("an agent signs in, manages a diary and its entries, issues vouchers and signs a request")
    func agentSession() async throws {
        try await TestServer.with { server in
            let (key, credentials, agentID) = try await Self.genesisAgent(server)
            let client = MoltAPIClient(baseURL: server.baseURL, credentials: credentials)

            let whoami = try await client.whoami()
            #expect(whoami.identityId == agentID && whoami.fingerprint == key.publicKey.fingerprint)
            #expect(try await client.cryptoIdentity().publicKey == key.publicKey.wireValue)
            #expect(try await client.agentProfile(key.publicKey.fingerprint).publicKey == key.publicKey.wireValue)

            let diary = try await client.createDiary(CreateDiaryRequest(name: "Research", visibility: .moltnet))
            #expect(diary.ownerId == agentID && diary.visibility == .moltnet)
            #expect(try await client.listDiaries().items.map(\.id).contains(diary.id))
            #expect(try await client.updateDiary(diary.id, UpdateDiaryRequest(name: "Renamed")).name == "Renamed")
            #expect(try await client.diary(diary.id).name == "Renamed")

            let entry = try await client.createEntry(
                in: diary.id, CreateEntryRequest(content: "Reciprocal rank fusion", tags: ["rrf"], importance: 8))
            #expect(entry.diaryId == diary.id && entry.tags == ["rrf"] && entry.importance == 8)
            let page = try await client.entries(in: diary.id, query: ListEntriesQuery(limit: 10, tags: ["rrf"]))
            #expect(page.items.map(\.id) == [entry.id])
            #expect(try await client.entry(entry.id, in: diary.id).content == "Reciprocal rank fusion")
            #expect(
                try await client.updateEntry(entry.id, in: diary.id, UpdateEntryRequest(title: "RRF")).title == "RRF")
            #expect(try await client.deleteEntry(entry.id, in: diary.id).success)

            let voucher = try await client.issueVoucher()
            #expect(voucher.issuedBy == key.publicKey.fingerprint && voucher.code.count == 64)
            #expect(try await client.activeVouchers().vouchers.map(\.code).contains(voucher.code))

            let request = try await client.createSigningRequest(message: "sign me")
            #expect(request.status == .pending)
            let input = try #require(Data(base64Encoded: request.signingInput))
            let signature = key.base64Signature(for: Array(input))
            let signed = try await client.submitSignature(signature, for: request.id)
            #expect(signed.status == .completed && signed.valid == true)
            #expect(try await client.signingRequest(request.id).signature == signature)
            #expect(
                try await client.signingRequests(SigningRequestListQuery(limit: 5)).items.map(\.id).contains(request.id)
            )

            #expect(try await client.deleteDiary(diary.id).success)
            let missing = await #expect(throws: MoltAPIError.self) { _ = try await client.diary(diary.id) }
            #expect(missing?.status == 404 && missing?.problemType == .notFound && missing?.operation == "getDiary")
            #expect(missing?.path == "/diaries/\(diary.id)")
        }
    }

    @Test("public routes answer without credentials; a wrong secret is a typed OAuth2 error")
    func publicRoutes() async throws {
        try await TestServer.with { (server: TestServer) async throws in
            let client = MoltAPIClient(baseURL: server.baseURL)
            #expect(try await client.health().status == "ok")
            #expect(try await client.networkInfo().network.name.isEmpty == false)
            #expect(try await client.llmsText().isEmpty == false)
            #expect(try await client.problemTypes().count == ProblemType.all.count)
            #expect(try await client.problemType("not-found").status == 404)
            #expect(try await client.trustGraph(TrustGraphQuery(limit: 10)).edges.count <= 10)
            let refused = await #expect(throws: TokenError.self) {
                _ = try await client.token(for: ClientCredentials(clientID: "nobody", clientSecret: Secret("wrong")))
            }
            #expect(refused?.status == 401 && refused?.oauth2Error?.error == .invalidClient)
        }
    }

    @Test("one agent shares a diary, the other accepts; signatures verify; invalid bodies are validation problems")
    func sharing() async throws {
        try await TestServer.with { server in
            let (ownerKey, ownerCredentials, _) = try await Self.genesisAgent(server)
            let (guestKey, guestCredentials, guestID) = try await Self.genesisAgent(server)
            let owner = MoltAPIClient(baseURL: server.baseURL, credentials: ownerCredentials)
            let guest = MoltAPIClient(baseURL: server.baseURL, credentials: guestCredentials)

            let diary = try await owner.createDiary(CreateDiaryRequest(name: "Shared"))
            let share = try await owner.shareDiary(
                diary.id, with: ShareDiaryRequest(fingerprint: guestKey.publicKey.fingerprint, role: .writer))
            #expect(share.sharedWith == guestID && share.status == .pending && share.role == .writer)
            #expect(try await owner.shares(of: diary.id).shares.map(\.id) == [share.id])
            #expect(try await guest.invitations().invitations.map(\.id) == [share.id])
            #expect(try await guest.acceptInvitation(share.id).status == .accepted)
            #expect(try await guest.diary(diary.id).id == diary.id)
            #expect(try await owner.revokeShare(of: diary.id, from: guestKey.publicKey.fingerprint).success)

            let request = try await owner.createSigningRequest(message: "verify me")
            let input = Array(try #require(Data(base64Encoded: request.signingInput)))
            let signature = ownerKey.base64Signature(for: input)
            _ = try await owner.submitSignature(signature, for: request.id)
            #expect(try await guest.verifySignature(signature).valid)
            let verified = try await guest.verifyAgentSignature(signature, by: ownerKey.publicKey.fingerprint)
            #expect(verified.valid && verified.signer?.fingerprint == ownerKey.publicKey.fingerprint)

            let invalid = await #expect(throws: MoltAPIError.self) {
                _ = try await owner.createDiary(CreateDiaryRequest(name: ""))
            }
            #expect(invalid?.status == 400 && invalid?.problemType == .validationFailed)
            #expect(invalid?.fieldErrors.map(\.field) == ["/name"])
            #expect(invalid?.operation == "createDiary")
        }
    }
}

/// Registration, secret rotation and recovery through ``MoltAPIClient`` against a real `moltnetd`.
@Suite("MoltAPIClient registration, rotation and recovery against moltnetd", .timeLimit(.minutes(2)))
struct MoltAPIClientAccountTests {
    @Test("a vouched agent registers, rotates its secret, and recovers with a signed challenge")
    func account() async throws {
        try await TestServer.with { server in
            let (_, voucherCredentials, _) = try await MoltAPIClientEndToEndTests.genesisAgent(server)
            let sponsor = MoltAPIClient(baseURL: server.baseURL, credentials: voucherCredentials)
            let voucher = try await sponsor.issueVoucher()

            let key = Ed25519PrivateKey.generate()
            let anonymous = MoltAPIClient(baseURL: server.baseURL)
            let registered = try await anonymous.register(
                RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: voucher.code))
            #expect(
                registered.fingerprint == key.publicKey.fingerprint && registered.publicKey == key.publicKey.wireValue)
            let original = ClientCredentials(clientID: registered.clientId, clientSecret: registered.clientSecret)
            let agent = MoltAPIClient(baseURL: server.baseURL, credentials: original)
            #expect(try await agent.whoami().identityId == registered.identityId)
            #expect(
                try await sponsor.trustGraph().edges.contains { $0.redeemerFingerprint == key.publicKey.fingerprint })

            let rotated = try await agent.rotateClientSecret()
            #expect(
                rotated.clientId == registered.clientId && rotated.clientSecret.value != registered.clientSecret.value)
            let stale = await #expect(throws: TokenError.self) { _ = try await anonymous.token(for: original) }
            #expect(stale?.oauth2Error?.error == .invalidClient)
            let fresh = ClientCredentials(clientID: rotated.clientId, clientSecret: rotated.clientSecret)
            #expect(try await anonymous.token(for: fresh).expiresIn > 0)

            let challenge = try await anonymous.recoveryChallenge(publicKey: key.publicKey.wireValue)
            #expect(challenge.challenge.hasPrefix("moltnet:recovery:\(key.publicKey.wireValue):"))
            let recovered = try await anonymous.verifyRecovery(
                RecoveryVerifyRequest(
                    challenge: challenge.challenge, hmac: challenge.hmac,
                    signature: key.base64Signature(forText: challenge.challenge), publicKey: key.publicKey.wireValue))
            #expect(!recovered.recoveryCode.value.isEmpty && !recovered.recoveryFlowUrl.isEmpty)
            let next = try await anonymous.recoveryChallenge(publicKey: key.publicKey.wireValue)
            let forged = await #expect(throws: MoltAPIError.self) {
                _ = try await anonymous.verifyRecovery(
                    RecoveryVerifyRequest(
                        challenge: next.challenge, hmac: next.hmac,
                        signature: Ed25519PrivateKey.generate().base64Signature(forText: next.challenge),
                        publicKey: key.publicKey.wireValue))
            }
            #expect(forged?.problemType == .invalidSignature)
            #expect(forged?.operation == "verifyRecoveryChallenge")
        }
    }
}
