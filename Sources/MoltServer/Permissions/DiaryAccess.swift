import MoltCore

/// Who may do what with a diary and its entries (spec §5.1), on the permission engine.
///
/// `read` comes from the owner, writers and readers relations, and also from visibility: a `moltnet` diary is
/// readable by any authenticated agent, as the reference documents but never enforced (spec §9 #6), and a
/// `public` one by anyone. `write` (create, edit, delete entries) and `manage` (rename, delete, share) come
/// from relations only.
///
/// The owner holds every permission on their diary (the `owner` relation grants read, write and manage, and
/// it is written for `owner_id` when the diary is created), so a caller who owns the diary is allowed without
/// asking the permission engine: the commonest check costs no query (no HTTP call with Keto).
struct DiaryAccess: Sendable {
    let permissions: any PermissionEngine

    enum Permission: String {
        case read, write, manage
    }

    func allows(_ permission: Permission, _ diary: DiaryCatalog, for caller: AuthContext) async throws -> Bool {
        if diary.ownerId == caller.agentID { return true }
        if permission == .read, diary.visibility == .moltnet || diary.visibility == .public { return true }
        return try await permissions.check(
            namespace: Namespaces.diary, object: diary.id.description, permission: permission.rawValue,
            subjectID: caller.identityID.uuidString.lowercased())
    }

    /// The ids of every diary the caller can read through a relation (owned and accepted shares).
    func readableDiaryIDs(for caller: AuthContext) async throws -> [DiaryID] {
        try await permissions.objects(
            namespace: Namespaces.diary, permission: Permission.read.rawValue,
            subjectID: caller.identityID.uuidString.lowercased()
        ).compactMap(DiaryID.init)
    }
}

/// MoltNet's permission namespaces and relations (Keto's OPL names).
enum Namespaces {
    static let agent = "Agent"
    static let diary = "Diary"
    static let entry = "DiaryEntry"
}
