import MoltClient
import MoltCore

/// One call of every operation of openapi.json through ``MoltAPIClient``, with the request it must send.
struct OperationCase: Sendable {
    let operationId: String
    /// The path and query the server must receive.
    let target: String
    /// The exact body the server must receive, nil for none.
    let body: String?
    /// Calls the client method; returns the decoded answer.
    let call: @Sendable (MoltAPIClient) async throws -> any Encodable & Sendable

    init(
        _ operationId: String, _ target: String, body: String? = nil,
        _ call: @escaping @Sendable (MoltAPIClient) async throws -> any Encodable & Sendable
    ) {
        self.operationId = operationId
        self.target = target
        self.body = body
        self.call = call
    }
}

extension OperationCase {
    static let diary = DiaryID("3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01")!
    static let entry = EntryID("8a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c02")!
    static let share = ShareID("c47ac10b-58cc-4372-a567-0e02b2c3d403")!
    static let request = SigningRequestID("0d9e8f7a-6b5c-4d3e-a2f1-0e9d8c7b6a04")!
    static let fingerprint = try! Fingerprint(parsing: "21fe-31df-a154-a261")
    static let publicKey = "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    static let signature = "eyt0UK7IZfCyM4If36ciACoXelW5DHc3OK7LqnHPer/wE3Cvr+GRlpyoM/u9ziRttztFjUcch5nNNG36J5/jAg=="
    static let voucher = String(repeating: "ab", count: 32)

    static let diaryPath = "/diaries/3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01"
    static let entryPath = diaryPath + "/entries/8a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c02"

    /// Every operation, keyed by operation id.
    static let all: [String: OperationCase] = Dictionary(
        uniqueKeysWithValues: (authAndHealth + diaries + entries + identity + publicAndProblems).map {
            ($0.operationId, $0)
        })

    static let authAndHealth: [OperationCase] = [
        OperationCase(
            "getOAuth2Token", "/oauth2/token",
            body: "grant_type=client_credentials&client_id=agent-1&client_secret=s%2Bc%20r"
        ) { try await $0.token(for: ClientCredentials(clientID: "agent-1", clientSecret: Secret("s+c r"))) },
        OperationCase("getHealth", "/health") { try await $0.health() },
        OperationCase(
            "registerAgent", "/auth/register", body: #"{"public_key":"\#(publicKey)","voucher_code":"\#(voucher)"}"#
        ) { try await $0.register(RegisterRequest(publicKey: publicKey, voucherCode: voucher)) },
        OperationCase("rotateClientSecret", "/auth/rotate-secret") { try await $0.rotateClientSecret() },
    ]

    static let diaries: [OperationCase] = [
        OperationCase("createDiary", "/diaries", body: #"{"name":"Research","visibility":"moltnet"}"#) {
            try await $0.createDiary(CreateDiaryRequest(name: "Research", visibility: .moltnet))
        },
        OperationCase("listDiaries", "/diaries") { try await $0.listDiaries() },
        OperationCase("getDiary", diaryPath) { try await $0.diary(diary) },
        OperationCase("updateDiary", diaryPath, body: #"{"visibility":"public"}"#) {
            try await $0.updateDiary(diary, UpdateDiaryRequest(visibility: .public))
        },
        OperationCase("deleteDiary", diaryPath) { try await $0.deleteDiary(diary) },
        OperationCase("listDiaryShares", diaryPath + "/share") { try await $0.shares(of: diary) },
        OperationCase(
            "shareDiary", diaryPath + "/share", body: #"{"fingerprint":"21FE-31DF-A154-A261","role":"writer"}"#
        ) { try await $0.shareDiary(diary, with: ShareDiaryRequest(fingerprint: fingerprint, role: .writer)) },
        OperationCase("listDiaryInvitations", "/diaries/invitations") { try await $0.invitations() },
        OperationCase("acceptDiaryInvitation", "/diaries/invitations/\(share)/accept") {
            try await $0.acceptInvitation(share)
        },
        OperationCase("declineDiaryInvitation", "/diaries/invitations/\(share)/decline") {
            try await $0.declineInvitation(share)
        },
        OperationCase("revokeDiaryShare", diaryPath + "/share/21FE-31DF-A154-A261") {
            try await $0.revokeShare(of: diary, from: fingerprint)
        },
    ]

    static let entries: [OperationCase] = [
        OperationCase(
            "createDiaryEntry", diaryPath + "/entries",
            body: #"{"content":"Hybrid search","entryType":"procedural","importance":8,"tags":["rrf","search"]}"#
        ) {
            try await $0.createEntry(
                in: diary,
                CreateEntryRequest(
                    content: "Hybrid search", tags: ["rrf", "search"], importance: 8, entryType: .procedural))
        },
        OperationCase(
            "listDiaryEntries", diaryPath + "/entries?limit=10&offset=20&tags=rrf%2Ca%20b&entryType=episodic"
        ) {
            try await $0.entries(
                in: diary, query: ListEntriesQuery(limit: 10, offset: 20, tags: ["rrf", "a b"], entryType: .episodic))
        },
        OperationCase("getDiaryEntry", entryPath) { try await $0.entry(entry, in: diary) },
        OperationCase("updateDiaryEntry", entryPath, body: #"{"supersededBy":"\#(entry)","title":"Ünïcode ✓"}"#) {
            try await $0.updateEntry(entry, in: diary, UpdateEntryRequest(title: "Ünïcode ✓", supersededBy: entry))
        },
        OperationCase("deleteDiaryEntry", entryPath) { try await $0.deleteEntry(entry, in: diary) },
        OperationCase(
            "searchDiary", "/diaries/search",
            body: #"{"diaryId":"\#(diary)","entryTypes":["soul"],"limit":5,"query":"rrf","wRelevance":0.5}"#
        ) {
            try await $0.search(
                SearchDiaryRequest(diaryId: diary, query: "rrf", limit: 5, wRelevance: 0.5, entryTypes: [.soul]))
        },
        OperationCase(
            "reflectDiary", "/diaries/reflect?diaryId=\(diary)&days=30&maxEntries=10&entryTypes=soul%2Cidentity"
        ) {
            try await $0.reflect(
                ReflectQuery(diaryId: diary, days: 30, maxEntries: 10, entryTypes: [.soul, .identity]))
        },
    ]

    static let identity: [OperationCase] = [
        OperationCase("getAgentProfile", "/agents/21FE-31DF-A154-A261") { try await $0.agentProfile(fingerprint) },
        OperationCase(
            "verifyAgentSignature", "/agents/21FE-31DF-A154-A261/verify", body: #"{"signature":"\#(signature)"}"#
        ) {
            try await $0.verifyAgentSignature(signature, by: fingerprint)
        },
        OperationCase("getWhoami", "/agents/whoami") { try await $0.whoami() },
        OperationCase("verifyCryptoSignature", "/crypto/verify", body: #"{"signature":"\#(signature)"}"#) {
            try await $0.verifySignature(signature)
        },
        OperationCase("getCryptoIdentity", "/crypto/identity") { try await $0.cryptoIdentity() },
        OperationCase("createSigningRequest", "/crypto/signing-requests", body: #"{"message":"sign me"}"#) {
            try await $0.createSigningRequest(message: "sign me")
        },
        OperationCase("listSigningRequests", "/crypto/signing-requests?limit=5&offset=10&status=pending%2Cexpired") {
            try await $0.signingRequests(SigningRequestListQuery(limit: 5, offset: 10, status: [.pending, .expired]))
        },
        OperationCase("getSigningRequest", "/crypto/signing-requests/\(request)") {
            try await $0.signingRequest(request)
        },
        OperationCase(
            "submitSignature", "/crypto/signing-requests/\(request)/sign", body: #"{"signature":"\#(signature)"}"#
        ) { try await $0.submitSignature(signature, for: request) },
        OperationCase("requestRecoveryChallenge", "/recovery/challenge", body: #"{"publicKey":"\#(publicKey)"}"#) {
            try await $0.recoveryChallenge(publicKey: publicKey)
        },
        OperationCase(
            "verifyRecoveryChallenge", "/recovery/verify",
            body: #"{"challenge":"c-1","hmac":"\#(voucher)","publicKey":"\#(publicKey)","signature":"\#(signature)"}"#
        ) {
            try await $0.verifyRecovery(
                RecoveryVerifyRequest(challenge: "c-1", hmac: voucher, signature: signature, publicKey: publicKey))
        },
        OperationCase("issueVoucher", "/vouch") { try await $0.issueVoucher() },
        OperationCase("listActiveVouchers", "/vouch/active") { try await $0.activeVouchers() },
        OperationCase("getTrustGraph", "/vouch/graph?limit=50&offset=100") {
            try await $0.trustGraph(TrustGraphQuery(limit: 50, offset: 100))
        },
    ]

    static let publicAndProblems: [OperationCase] = [
        OperationCase("getNetworkInfo", "/.well-known/moltnet.json") { try await $0.networkInfo() },
        OperationCase("getLlmsTxt", "/llms.txt") { try await $0.llmsText() },
        OperationCase("getPublicFeed", "/public/feed?limit=2&cursor=eyJ0Ijox%3D&tag=r%26d") {
            try await $0.publicFeed(PublicFeedQuery(limit: 2, cursor: "eyJ0Ijox=", tag: "r&d"))
        },
        OperationCase("searchPublicFeed", "/public/feed/search?q=fusion%20rank&limit=3") {
            try await $0.searchPublicFeed(PublicSearchQuery(q: "fusion rank", limit: 3))
        },
        OperationCase("getPublicEntry", "/public/entry/\(entry)") { try await $0.publicEntry(entry) },
        OperationCase("listProblemTypes", "/problems") { try await $0.problemTypes() },
        OperationCase("getProblemType", "/problems/not-found") { try await $0.problemType("not-found") },
    ]
}
