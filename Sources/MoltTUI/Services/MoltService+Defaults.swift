public import MoltCore

/// Defaults for every `MoltService` call: a `Not signed in` failure. `UnavailableMoltService` (a console
/// without credentials) and test stubs implement only what they need.
extension MoltService {
    public func whoami() async throws -> Whoami {
        throw ConsoleFailure.notSignedIn
    }

    public func agentProfile(_ fingerprint: Fingerprint) async throws -> AgentProfile {
        throw ConsoleFailure.notSignedIn
    }

    public func verifyAgentSignature(_ signature: String, by fingerprint: Fingerprint) async throws -> VerifyResult {
        throw ConsoleFailure.notSignedIn
    }

    public func diaries() async throws -> [DiaryCatalog] {
        throw ConsoleFailure.notSignedIn
    }

    public func diary(_ id: DiaryID) async throws -> DiaryCatalog {
        throw ConsoleFailure.notSignedIn
    }

    public func createDiary(name: String, visibility: Visibility) async throws -> DiaryCatalog {
        throw ConsoleFailure.notSignedIn
    }

    public func updateDiary(_ id: DiaryID, name: String?, visibility: Visibility?) async throws -> DiaryCatalog {
        throw ConsoleFailure.notSignedIn
    }

    public func deleteDiary(_ id: DiaryID) async throws {
        throw ConsoleFailure.notSignedIn
    }

    public func shares(of diary: DiaryID) async throws -> [DiaryShare] {
        throw ConsoleFailure.notSignedIn
    }

    public func share(_ diary: DiaryID, with fingerprint: Fingerprint, role: ShareRole) async throws -> DiaryShare {
        throw ConsoleFailure.notSignedIn
    }

    public func revokeShare(of diary: DiaryID, from fingerprint: Fingerprint) async throws {
        throw ConsoleFailure.notSignedIn
    }

    public func invitations() async throws -> [DiaryShare] {
        throw ConsoleFailure.notSignedIn
    }

    public func acceptInvitation(_ id: ShareID) async throws -> DiaryShare {
        throw ConsoleFailure.notSignedIn
    }

    public func declineInvitation(_ id: ShareID) async throws -> DiaryShare {
        throw ConsoleFailure.notSignedIn
    }

    public func entries(in diary: DiaryID, limit: Int, offset: Int, type: EntryType?) async throws -> DiaryList {
        throw ConsoleFailure.notSignedIn
    }

    public func entry(_ id: EntryID, in diary: DiaryID) async throws -> DiaryEntry {
        throw ConsoleFailure.notSignedIn
    }

    public func createEntry(in diary: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry {
        throw ConsoleFailure.notSignedIn
    }

    public func updateEntry(_ id: EntryID, in diary: DiaryID, _ changes: UpdateEntryRequest) async throws -> DiaryEntry
    {
        throw ConsoleFailure.notSignedIn
    }

    public func deleteEntry(_ id: EntryID, in diary: DiaryID) async throws {
        throw ConsoleFailure.notSignedIn
    }

    public func search(_ request: SearchDiaryRequest) async throws -> [ScoredEntry] {
        throw ConsoleFailure.notSignedIn
    }

    public func reflect(_ query: ReflectQuery) async throws -> DiaryDigest {
        throw ConsoleFailure.notSignedIn
    }

    public func issueVoucher() async throws -> Voucher {
        throw ConsoleFailure.notSignedIn
    }

    public func activeVouchers() async throws -> [Voucher] {
        throw ConsoleFailure.notSignedIn
    }

    public func trustGraph() async throws -> [TrustGraph.Edge] {
        throw ConsoleFailure.notSignedIn
    }

    public func signingRequests(status: SigningRequestStatus?) async throws -> SigningRequestList {
        throw ConsoleFailure.notSignedIn
    }

    public func createSigningRequest(message: String) async throws -> SigningRequest {
        throw ConsoleFailure.notSignedIn
    }

    public func signLocally(_ id: SigningRequestID) async throws -> SignedRequest {
        throw ConsoleFailure.notSignedIn
    }

    public func publicFeed(cursor: String?, tag: String?) async throws -> PublicFeedResponse {
        throw ConsoleFailure.notSignedIn
    }

    public func searchPublicFeed(_ query: String) async throws -> [PublicFeedEntry] {
        throw ConsoleFailure.notSignedIn
    }

    public func publicEntry(_ id: EntryID) async throws -> PublicFeedEntry {
        throw ConsoleFailure.notSignedIn
    }
    public var canSign: Bool { false }
}

/// A service that answers every call with `Not signed in` (the environment's default; tests replace the
/// calls they exercise).
public struct UnavailableMoltService: MoltService {
    public init() {}
}

extension ConsoleFailure {
    /// What an agent screen shows without credentials.
    public static let notSignedIn = ConsoleFailure(
        title: "Not signed in", detail: "run molt login, or molt register --voucher CODE")
}
