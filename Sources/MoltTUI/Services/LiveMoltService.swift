import Foundation
public import MoltClient
public import MoltCore

/// `MoltService` on MoltClient's `MoltAPIClient`: every call is one REST operation (two for signing).
///
/// Holds the agent's private key, when the credentials file has one, only to sign here; it is never sent,
/// logged or put in a message.
public struct LiveMoltService: MoltService {
    public let client: MoltAPIClient
    private let key: Ed25519PrivateKey?

    /// A service on `client`, signing with `privateKey` when given.
    public init(client: MoltAPIClient, privateKey: Ed25519PrivateKey?) {
        self.client = client
        self.key = privateKey
    }

    public var canSign: Bool { key != nil }

    public func whoami() async throws -> Whoami { try await client.whoami() }

    public func agentProfile(_ fingerprint: Fingerprint) async throws -> AgentProfile {
        try await client.agentProfile(fingerprint)
    }

    public func verifyAgentSignature(_ signature: String, by fingerprint: Fingerprint) async throws -> VerifyResult {
        try await client.verifyAgentSignature(signature, by: fingerprint)
    }

    public func diaries() async throws -> [DiaryCatalog] { try await client.listDiaries().items }

    public func diary(_ id: DiaryID) async throws -> DiaryCatalog { try await client.diary(id) }

    public func createDiary(name: String, visibility: Visibility) async throws -> DiaryCatalog {
        try await client.createDiary(CreateDiaryRequest(name: name, visibility: visibility))
    }

    public func updateDiary(_ id: DiaryID, name: String?, visibility: Visibility?) async throws -> DiaryCatalog {
        try await client.updateDiary(id, UpdateDiaryRequest(name: name, visibility: visibility))
    }

    public func deleteDiary(_ id: DiaryID) async throws { try await client.deleteDiary(id) }

    public func shares(of diary: DiaryID) async throws -> [DiaryShare] { try await client.shares(of: diary).shares }

    public func share(_ diary: DiaryID, with fingerprint: Fingerprint, role: ShareRole) async throws -> DiaryShare {
        try await client.shareDiary(diary, with: ShareDiaryRequest(fingerprint: fingerprint, role: role))
    }

    public func revokeShare(of diary: DiaryID, from fingerprint: Fingerprint) async throws {
        try await client.revokeShare(of: diary, from: fingerprint)
    }

    public func invitations() async throws -> [DiaryShare] { try await client.invitations().invitations }

    public func acceptInvitation(_ id: ShareID) async throws -> DiaryShare { try await client.acceptInvitation(id) }

    public func declineInvitation(_ id: ShareID) async throws -> DiaryShare { try await client.declineInvitation(id) }

    public func entries(in diary: DiaryID, limit: Int, offset: Int, type: EntryType?) async throws -> DiaryList {
        try await client.entries(in: diary, query: ListEntriesQuery(limit: limit, offset: offset, entryType: type))
    }

    public func entry(_ id: EntryID, in diary: DiaryID) async throws -> DiaryEntry {
        try await client.entry(id, in: diary)
    }

    public func createEntry(in diary: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry {
        try await client.createEntry(in: diary, request)
    }

    public func updateEntry(_ id: EntryID, in diary: DiaryID, _ changes: UpdateEntryRequest) async throws
        -> DiaryEntry
    {
        try await client.updateEntry(id, in: diary, changes)
    }

    public func deleteEntry(_ id: EntryID, in diary: DiaryID) async throws {
        try await client.deleteEntry(id, in: diary)
    }

    /// `POST /diaries/search`: each result carries the score the server fused it with.
    public func search(_ request: SearchDiaryRequest) async throws -> [ScoredEntry] {
        try await client.search(request).results.map { ScoredEntry(entry: $0, score: $0.score) }
    }

    public func reflect(_ query: ReflectQuery) async throws -> DiaryDigest { try await client.reflect(query) }

    public func issueVoucher() async throws -> Voucher { try await client.issueVoucher() }

    public func activeVouchers() async throws -> [Voucher] { try await client.activeVouchers().vouchers }

    public func trustGraph() async throws -> [TrustGraph.Edge] {
        try await client.trustGraph(TrustGraphQuery(limit: VoucherLimits.graphLimitRange.upperBound)).edges
    }

    public func signingRequests(status: SigningRequestStatus?) async throws -> SigningRequestList {
        try await client.signingRequests(
            SigningRequestListQuery(limit: SigningRequestListQuery.limitRange.upperBound, status: status.map { [$0] }))
    }

    public func createSigningRequest(message: String) async throws -> SigningRequest {
        try await client.createSigningRequest(message: message)
    }

    public func signLocally(_ id: SigningRequestID) async throws -> SignedRequest {
        guard let key else {
            throw ConsoleFailure(
                title: "No private key", detail: "the credentials file has no keys.private_key to sign with")
        }
        let request = try await client.signingRequest(id)
        guard let bytes = Data(base64Encoded: request.signingInput) else {
            throw ConsoleFailure(title: "Unexpected answer", detail: "the signing input is not base64")
        }
        let signature = key.base64Signature(for: Array(bytes))
        var signed = try await client.submitSignature(signature, for: id)
        // The server waits up to 5 s for its workflow; if it is still busy, look a few more times.
        for _ in 0..<10 where signed.status == .pending {
            try await Task.sleep(for: .milliseconds(300))
            signed = try await client.signingRequest(id)
        }
        let verified = signed.status == .completed ? try await client.verifySignature(signature).valid : false
        return SignedRequest(request: signed, signature: signature, verified: verified)
    }

    public func publicFeed(cursor: String?, tag: String?) async throws -> PublicFeedResponse {
        try await client.publicFeed(PublicFeedQuery(limit: 50, cursor: cursor, tag: tag))
    }

    public func searchPublicFeed(_ query: String) async throws -> [PublicFeedEntry] {
        try await client.searchPublicFeed(
            PublicSearchQuery(q: query, limit: PublicFeedLimits.searchLimitRange.upperBound)
        )
        .items
    }

    public func publicEntry(_ id: EntryID) async throws -> PublicFeedEntry { try await client.publicEntry(id) }
}
