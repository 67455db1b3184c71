import MoltCore

/// Sharing a diary through invitations (spec §5.3): none → pending → accepted/declined, pending or accepted →
/// revoked, declined or revoked → pending again. Accepting grants the role's relation; revoking removes it.
/// Share management is the owner's alone and answers 404 to anyone else.
struct SharingService: Sendable {
    let diaries: DiaryRepository
    let shares: ShareRepository
    let agents: AgentKeyRepository
    let access: DiaryAccess
    let grants: PermissionWorkflows

    private static let diaryNotFound = ProblemDetails(.notFound, detail: "Diary not found")
    private static let invitationNotFound = ProblemDetails(.notFound, detail: "Invitation not found")

    func shares(of diaryID: DiaryID, by caller: AuthContext) async throws -> [DiaryShare] {
        _ = try await ownedDiary(diaryID, by: caller)
        return try await shares.active(for: diaryID)
    }

    func invite(to diaryID: DiaryID, _ request: ShareDiaryRequest, by caller: AuthContext) async throws -> DiaryShare {
        _ = try await ownedDiary(diaryID, by: caller)
        guard let invitee = try await agents.find(fingerprint: request.fingerprint) else {
            throw ProblemDetails(
                .notFound, detail: "Agent with fingerprint \"\(request.fingerprint.uppercased())\" not found")
        }
        guard invitee.identityID != caller.agentID else {
            throw ValidationFailure(
                errors: [FieldError(field: "/fingerprint", message: "must not be your own fingerprint")],
                detail: "Cannot share a diary with yourself")
        }
        if let share = try await shares.invite(diary: diaryID, agent: invitee.identityID, role: request.role ?? .reader)
        {
            return share
        }
        let existing = try await shares.find(diary: diaryID, agent: invitee.identityID)
        throw ProblemDetails(
            .conflict, detail: "Share already exists with status \"\(existing?.status.rawValue ?? "pending")\"")
    }

    func invitations(for caller: AuthContext) async throws -> [DiaryShare] {
        try await shares.pendingInvitations(for: caller.agentID)
    }

    func accept(_ id: ShareID, by caller: AuthContext) async throws -> DiaryShare {
        let share = try await respond(id, to: .accepted, by: caller)
        try await grants.grant(share.role, diary: share.diaryId, agent: caller.agentID)
        return share
    }

    func decline(_ id: ShareID, by caller: AuthContext) async throws -> DiaryShare {
        try await respond(id, to: .declined, by: caller)
    }

    /// Revokes the share of the agent with `fingerprint` whatever its status, and removes its relations.
    func revoke(diary diaryID: DiaryID, fingerprint: String, by caller: AuthContext) async throws {
        _ = try await ownedDiary(diaryID, by: caller)
        guard let agent = try await agents.find(fingerprint: fingerprint),
            let share = try await shares.find(diary: diaryID, agent: agent.identityID)
        else { throw ProblemDetails(.notFound, detail: "Share not found") }
        _ = try await shares.transition(share.id, from: ShareStatus.knownCases, to: .revoked)
        try await grants.revokeShare(diary: diaryID, agent: agent.identityID)
    }

    private func respond(_ id: ShareID, to status: ShareStatus, by caller: AuthContext) async throws -> DiaryShare {
        guard let share = try await shares.find(id), share.sharedWith == caller.agentID else {
            throw Self.invitationNotFound
        }
        guard share.status == .pending, let updated = try await shares.transition(id, from: [.pending], to: status)
        else {
            let current = try await shares.find(id)?.status ?? share.status
            throw ProblemDetails(.validationFailed, detail: "Invitation has already been \(current.rawValue)")
        }
        return updated
    }

    private func ownedDiary(_ id: DiaryID, by caller: AuthContext) async throws -> DiaryCatalog {
        guard let diary = try await diaries.find(id), try await access.allows(.manage, diary, for: caller) else {
            throw Self.diaryNotFound
        }
        return diary
    }
}
