import Foundation
import MoltClient
import MoltCore

@testable import MoltTUI

/// A `MoltService` answering from fixed data (and recording what it was asked to change), for running
/// effects in tests without a server.
final class StubMoltService: MoltService, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var recorded: [String] = []
    var readableDiaries: Set<DiaryID> = [DemoFixtures.invitations[0].share.diaryId]
    var searchFailure: ConsoleFailure?
    var hasKey = true

    /// What was called, in order (`createEntry Research notes`, `updateEntry …`).
    var calls: [String] { lock.withLock { recorded } }

    private func record(_ call: String) { lock.withLock { recorded.append(call) } }

    var canSign: Bool { hasKey }

    func whoami() async throws -> Whoami { DemoFixtures.whoami }
    func agentProfile(_ fingerprint: Fingerprint) async throws -> AgentProfile {
        record("profile \(fingerprint)")
        guard
            let key = [DemoFixtures.adaKey, DemoFixtures.bobKey, DemoFixtures.chenKey]
                .first(where: { $0.publicKey.fingerprint == fingerprint })
        else { throw ConsoleFailure(title: "Not Found", status: 404) }
        return AgentProfile(publicKey: key.publicKey.wireValue, fingerprint: fingerprint)
    }
    func diaries() async throws -> [DiaryCatalog] { DemoFixtures.diaries }
    func diary(_ id: DiaryID) async throws -> DiaryCatalog {
        guard readableDiaries.contains(id),
            let invitation = DemoFixtures.invitations.first(where: { $0.share.diaryId == id }),
            let diary = invitation.diary
        else { throw ConsoleFailure(title: "Not Found", status: 404) }
        return diary
    }
    func invitations() async throws -> [DiaryShare] { DemoFixtures.invitations.map(\.share) }
    func activeVouchers() async throws -> [Voucher] { DemoFixtures.vouchers }
    func trustGraph() async throws -> [TrustGraph.Edge] { DemoFixtures.edges }
    func signingRequests(status: SigningRequestStatus?) async throws -> SigningRequestList {
        let items = DemoFixtures.signingRequests.filter { status == nil || $0.status == status }
        return SigningRequestList(items: items, total: items.count, limit: 100, offset: 0)
    }
    func createEntry(in diary: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry {
        record("createEntry \(request.title ?? "") \(request.content)")
        var entry = DemoFixtures.entries[0]
        entry.id = EntryID(rawValue: DemoFixtures.uuid(199))
        entry.title = request.title
        entry.content = request.content
        return entry
    }
    func updateEntry(_ id: EntryID, in diary: DiaryID, _ changes: UpdateEntryRequest) async throws -> DiaryEntry {
        record(
            "updateEntry \(id) supersededBy=\(changes.supersededBy?.description ?? "-") title=\(changes.title ?? "-")")
        var entry = DemoFixtures.entries[0]
        entry.id = id
        return entry
    }
    func search(_ request: SearchDiaryRequest) async throws -> [ScoredEntry] {
        if let searchFailure { throw searchFailure }
        return DemoFixtures.entries.prefix(3).enumerated().map {
            ScoredEntry(entry: $1, score: 0.0328 - Double($0) * 0.0005)
        }
    }
    func signLocally(_ id: SigningRequestID) async throws -> SignedRequest {
        record("sign \(id)")
        var request = DemoFixtures.signingRequests[0]
        request.status = .completed
        request.valid = true
        return SignedRequest(request: request, signature: "c2lnbmF0dXJl", verified: true)
    }
}

/// An `OperatorService` answering from fixed data and recording the operations asked of it.
final class StubOperatorService: OperatorService, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var recorded: [String] = []

    var calls: [String] { lock.withLock { recorded } }
    private func record(_ call: String) { lock.withLock { recorded.append(call) } }

    func workflows(_ filter: WorkflowListFilter) async throws -> WorkflowPage {
        record("list status=\(filter.statuses?.map(\.description).joined() ?? "all") limit=\(filter.limit)")
        return WorkflowPage(DemoFixtures.workflows, next: nil)
    }
    func workflowCounts(_ filter: WorkflowListFilter) async throws -> [DBOSWorkflowState: Int] {
        DemoFixtures.workflowCounts
    }
    func workflow(_ id: String) async throws -> WorkflowRecord? { DemoFixtures.workflows.first { $0.workflowID == id } }
    func workflowDetails(_ id: String) async throws -> WorkflowDetails { DemoFixtures.details }
    func cancelWorkflow(_ id: String) async throws -> DBOSWorkflowState {
        record("cancel \(id)")
        return .cancelled
    }
    func resumeWorkflow(_ id: String) async throws -> Bool {
        record("resume \(id)")
        return true
    }
    func forkWorkflow(_ id: String, fromStep step: Int) async throws -> String {
        record("fork \(id) \(step)")
        return "\(id)-fork"
    }
    func identities(pageToken: String?) async throws -> OryPage<KratosIdentity> {
        OryPage(items: DemoFixtures.identities.map(\.identity), nextPageToken: nil)
    }
    func setIdentityState(_ state: KratosIdentityState, of id: UUID) async throws -> KratosIdentity {
        record("state \(state) \(id)")
        var identity = DemoFixtures.identities[0].identity
        identity.state = state
        return identity
    }
    func oauthClients(pageToken: String?) async throws -> OryPage<HydraOAuth2Client> {
        OryPage(items: DemoFixtures.clients, nextPageToken: nil)
    }
    func relationTuples(_ query: KetoRelationQuery, pageToken: String?) async throws -> OryPage<KetoRelationTuple> {
        OryPage(items: DemoFixtures.tuples, nextPageToken: nil)
    }
    func checkPermission(_ tuple: KetoRelationTuple) async throws -> Bool {
        record("check \(tuple)")
        return tuple.relation == "read"
    }
    func probe() async -> HealthCheckResult { ConsoleFixtures.healthy() }
}
