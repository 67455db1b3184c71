import Foundation
import MoltClient
import MoltCore

/// Fills the demo network through the REST API, adding only what is missing: diaries with entries, shares
/// (pending and accepted), active vouchers, and signing requests in every status.
struct DemoContent: Sendable {
    let agents: [String: DemoAgent]

    /// What a step added.
    struct Added: Encodable, Sendable {
        var diaries = 0
        var entries = 0
        var invitations = 0
        var acceptedInvitations = 0
        var vouchers = 0
        var signingRequests = 0
    }

    private func agent(_ name: String) throws -> DemoAgent {
        guard let agent = agents[name] else { throw AdminFailure("no demo agent \(name)") }
        return agent
    }

    /// The demo diaries by "owner/name", created and filled when missing.
    func diaries(into added: inout Added) async throws -> [String: DiaryCatalog] {
        var result: [String: DiaryCatalog] = [:]
        for plan in DemoEntries.diaries {
            let owner = try agent(plan.owner)
            var diary = try await owner.client.listDiaries().items.first { $0.name == plan.name }
            if diary == nil {
                diary = try await owner.client.createDiary(
                    CreateDiaryRequest(name: plan.name, visibility: plan.visibility))
                added.diaries += 1
            }
            guard let diary else { continue }
            result["\(plan.owner)/\(plan.name)"] = diary
            guard try await owner.client.entries(in: diary.id, query: ListEntriesQuery(limit: 1)).items.isEmpty else {
                continue
            }
            var byTitle: [String: EntryID] = [:]
            for entry in plan.entries {
                let created = try await owner.client.createEntry(
                    in: diary.id,
                    CreateEntryRequest(
                        content: entry.content, title: entry.title, tags: entry.tags, importance: entry.importance,
                        entryType: entry.type))
                if let title = entry.title { byTitle[title] = created.id }
                added.entries += 1
                if let old = entry.supersedes, let oldID = byTitle[old] {
                    _ = try await owner.client.updateEntry(
                        oldID, in: diary.id, UpdateEntryRequest(supersededBy: created.id))
                }
            }
        }
        return result
    }

    /// Invitations between the demo agents; some accepted.
    func shares(_ diaries: [String: DiaryCatalog], into added: inout Added) async throws {
        for share in DemoEntries.shares {
            let owner = try agent(share.owner)
            let invitee = try agent(share.invitee)
            guard let diary = diaries["\(share.owner)/\(share.diary)"] else { continue }
            let existing = try await owner.client.shares(of: diary.id).shares.first {
                $0.sharedWith.description == invitee.identityID
            }
            if existing == nil {
                _ = try await owner.client.shareDiary(
                    diary.id, with: ShareDiaryRequest(fingerprint: invitee.fingerprint, role: share.role))
                added.invitations += 1
            }
            guard share.accepted else { continue }
            let pending = try await invitee.client.invitations().invitations.first { $0.diaryId == diary.id }
            if let pending {
                _ = try await invitee.client.acceptInvitation(pending.id)
                added.acceptedInvitations += 1
            }
        }
    }

    /// Active vouchers of `name`, issued up to `count`.
    func vouchers(of name: String, count: Int, into added: inout Added) async throws {
        let owner = try agent(name)
        let active = try await owner.client.activeVouchers().vouchers.count
        for _ in 0..<max(0, count - active) {
            _ = try await owner.client.issueVoucher()
            added.vouchers += 1
        }
    }

    /// Messages of the demo signing requests, by the status each should reach.
    enum Signing {
        static let valid = "demo: I approve release 1.4 (signed with my key)"
        static let invalid = "demo: I approve release 1.3 (signed with the wrong key)"
        static let pending = "demo: please sign the quarterly report"
        static let expiring = "demo: left unsigned until it expires"
        static let cancelled = "demo: Bob's request, its workflow cancelled by an operator"
    }

    /// A pending signing request of `name` whose workflow (`signing-<id>`) an operator cancelled, so the
    /// server's own workflows include a CANCELLED one.
    func cancelledSigningRequest(of name: String, workflows: DBOSWorkflowClient, into added: inout Added)
        async throws
    {
        let owner = try agent(name)
        let existing = try await owner.client.signingRequests(SigningRequestListQuery(limit: 100)).items
        let request: SigningRequest
        if let found = existing.first(where: { $0.message == Signing.cancelled }) {
            request = found
        } else {
            request = try await owner.client.createSigningRequest(message: Signing.cancelled)
            added.signingRequests += 1
        }
        _ = try await workflows.cancel("signing-\(request.id)")
    }

    /// Signing requests of `name`: completed with a valid signature, completed with an invalid one, pending,
    /// and one left to expire (it shows as expired once the server's lifetime, 300 s by default, has passed).
    func signingRequests(of name: String, into added: inout Added) async throws {
        let owner = try agent(name)
        let existing = try await owner.client.signingRequests(SigningRequestListQuery(limit: 100)).items
        func has(_ message: String, _ status: SigningRequestStatus? = nil) -> Bool {
            existing.contains { $0.message == message && (status == nil || $0.status == status) }
        }
        if !has(Signing.valid, .completed) {
            let request = try await owner.client.createSigningRequest(message: Signing.valid)
            let input = Array(Data(base64Encoded: request.signingInput) ?? Data())
            _ = try await owner.client.submitSignature(owner.key.base64Signature(for: input), for: request.id)
            added.signingRequests += 1
        }
        if !has(Signing.invalid, .completed) {
            let request = try await owner.client.createSigningRequest(message: Signing.invalid)
            let input = Array(Data(base64Encoded: request.signingInput) ?? Data())
            _ = try await owner.client.submitSignature(
                Ed25519PrivateKey.generate().base64Signature(for: input), for: request.id)
            added.signingRequests += 1
        }
        if !has(Signing.pending, .pending) {
            _ = try await owner.client.createSigningRequest(message: Signing.pending)
            added.signingRequests += 1
        }
        if !has(Signing.expiring) {
            _ = try await owner.client.createSigningRequest(message: Signing.expiring)
            added.signingRequests += 1
        }
    }
}
