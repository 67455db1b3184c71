import MoltCore

/// The rules of diaries (spec §1.5, §5): who sees and changes what, and the owner grant at creation.
struct DiaryService: Sendable {
    let diaries: DiaryRepository
    let access: DiaryAccess
    let grants: PermissionWorkflows

    static let notFound = ProblemDetails(.notFound, detail: "Diary not found or access denied")

    /// Creates a diary and grants its owner relation (a durable workflow, after the insert committed).
    func create(_ request: CreateDiaryRequest, by caller: AuthContext) async throws -> DiaryCatalog {
        let diary = try await diaries.create(
            owner: caller.agentID, name: request.name, visibility: request.visibility ?? .private)
        try await grants.grantOwner(diary: diary.id, agent: caller.agentID)
        return diary
    }

    /// The caller's own diaries (shared ones are listed through invitations), newest first.
    func list(for caller: AuthContext) async throws -> [DiaryCatalog] {
        try await diaries.owned(by: caller.agentID)
    }

    /// A diary the caller can read; 404 whether it is missing or private to others.
    func readable(_ id: DiaryID, by caller: AuthContext) async throws -> DiaryCatalog {
        guard let diary = try await diaries.find(id), try await access.allows(.read, diary, for: caller) else {
            throw Self.notFound
        }
        return diary
    }

    /// A diary the caller may manage: 404 when missing, 403 when it exists but is not theirs (the reference's
    /// choice for PATCH and DELETE).
    func manageable(_ id: DiaryID, by caller: AuthContext) async throws -> DiaryCatalog {
        guard let diary = try await diaries.find(id) else {
            throw ProblemDetails(.notFound, detail: "Diary not found")
        }
        guard try await access.allows(.manage, diary, for: caller) else {
            throw ProblemDetails(.forbidden, detail: "Only the owner can change or delete this diary")
        }
        return diary
    }

    func update(_ id: DiaryID, _ request: UpdateDiaryRequest, by caller: AuthContext) async throws -> DiaryCatalog {
        _ = try await manageable(id, by: caller)
        guard let updated = try await diaries.update(id, name: request.name, visibility: request.visibility) else {
            throw ProblemDetails(.notFound, detail: "Diary not found")
        }
        return updated
    }

    /// Deletes the diary (entries and shares cascade) and then every relation naming it.
    func delete(_ id: DiaryID, by caller: AuthContext) async throws {
        _ = try await manageable(id, by: caller)
        guard try await diaries.delete(id) else { throw ProblemDetails(.notFound, detail: "Diary not found") }
        try await grants.removeRelations(of: id)
    }
}
