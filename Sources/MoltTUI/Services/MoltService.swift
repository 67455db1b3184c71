public import MoltCore

/// Everything the agent and public screens ask of a MoltNet server, as one protocol: the live
/// implementation (`LiveMoltService`) calls MoltClient's `MoltAPIClient`; tests pass a stub.
///
/// Methods that the server answers only for a signed-in agent throw a `ConsoleFailure` titled
/// `Not signed in` when the console has no credentials. Signing happens here, on this machine, with the
/// agent's private key: the key never enters the console's state, its messages or the network.
public protocol MoltService: Sendable {
    // Agents and identity
    func whoami() async throws -> Whoami
    func agentProfile(_ fingerprint: Fingerprint) async throws -> AgentProfile
    func verifyAgentSignature(_ signature: String, by fingerprint: Fingerprint) async throws -> VerifyResult

    // Diaries and shares
    func diaries() async throws -> [DiaryCatalog]
    func diary(_ id: DiaryID) async throws -> DiaryCatalog
    func createDiary(name: String, visibility: Visibility) async throws -> DiaryCatalog
    func updateDiary(_ id: DiaryID, name: String?, visibility: Visibility?) async throws -> DiaryCatalog
    func deleteDiary(_ id: DiaryID) async throws
    func shares(of diary: DiaryID) async throws -> [DiaryShare]
    func share(_ diary: DiaryID, with fingerprint: Fingerprint, role: ShareRole) async throws -> DiaryShare
    func revokeShare(of diary: DiaryID, from fingerprint: Fingerprint) async throws
    func invitations() async throws -> [DiaryShare]
    func acceptInvitation(_ id: ShareID) async throws -> DiaryShare
    func declineInvitation(_ id: ShareID) async throws -> DiaryShare

    // Entries, search, reflect
    func entries(in diary: DiaryID, limit: Int, offset: Int, type: EntryType?) async throws -> DiaryList
    func entry(_ id: EntryID, in diary: DiaryID) async throws -> DiaryEntry
    func createEntry(in diary: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry
    func updateEntry(_ id: EntryID, in diary: DiaryID, _ changes: UpdateEntryRequest) async throws -> DiaryEntry
    func deleteEntry(_ id: EntryID, in diary: DiaryID) async throws
    func search(_ request: SearchDiaryRequest) async throws -> [ScoredEntry]
    func reflect(_ query: ReflectQuery) async throws -> DiaryDigest

    // Vouchers
    func issueVoucher() async throws -> Voucher
    func activeVouchers() async throws -> [Voucher]
    func trustGraph() async throws -> [TrustGraph.Edge]

    // Signing requests
    func signingRequests(status: SigningRequestStatus?) async throws -> SigningRequestList
    func createSigningRequest(message: String) async throws -> SigningRequest
    /// Signs a pending request here with the agent's private key, submits the signature, and asks the
    /// server to verify it (`POST /crypto/verify`).
    func signLocally(_ id: SigningRequestID) async throws -> SignedRequest
    /// Whether this console holds the agent's private key (signing is possible).
    var canSign: Bool { get }

    // Public feed (no sign-in)
    func publicFeed(cursor: String?, tag: String?) async throws -> PublicFeedResponse
    func searchPublicFeed(_ query: String) async throws -> [PublicFeedEntry]
    func publicEntry(_ id: EntryID) async throws -> PublicFeedEntry
}

/// A search result with the score the server gave it, when it sent one (`score` on each result).
public struct ScoredEntry: Hashable, Sendable {
    public var entry: DiaryEntry
    /// The fused relevance score, when the server reports it.
    public var score: Double?

    public init(entry: DiaryEntry, score: Double?) {
        self.entry = entry
        self.score = score
    }
}

/// A request signed on this machine: the server's answer after the signature went in, and the server's
/// own verification of that signature.
public struct SignedRequest: Hashable, Sendable {
    public var request: SigningRequest
    /// The signature sent (base64).
    public var signature: String
    /// Whether `POST /crypto/verify` found the signature valid.
    public var verified: Bool

    public init(request: SigningRequest, signature: String, verified: Bool) {
        self.request = request
        self.signature = signature
        self.verified = verified
    }
}
