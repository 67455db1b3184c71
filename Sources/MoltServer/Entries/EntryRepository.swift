import Foundation
import MoltCore
import MoltPostgres

/// Diary entries in Postgres (`diary_entries`). The embedding column is written by the embedding pipeline and
/// never read back into a `DiaryEntry`. Every write drops the diary's cached pages once it committed.
struct EntryRepository: Sendable {
    let database: PostgresPool
    let pages: DiaryPageCache

    /// The fields of a new entry, after the service applied defaults and scanned it.
    struct NewEntry: Sendable {
        var id = EntryID.random()
        let diaryID: DiaryID
        let title: String?
        let content: String
        let tags: [String]?
        let importance: Int
        let entryType: EntryType
        let injectionRisk: Bool
    }

    /// Changes to an entry; nil fields stay as they are.
    struct Changes: Sendable {
        var title: String?
        var content: String?
        var tags: [String]?
        var importance: Int?
        var entryType: EntryType?
        var supersededBy: EntryID?
        var injectionRisk: Bool?
        /// Content, title or tags changed: the stored vector is stale.
        var clearsEmbedding = false
    }

    func create(_ entry: NewEntry) async throws -> DiaryEntry {
        let row = try await database.query(
            """
            INSERT INTO diary_entries (id, diary_id, title, content, tags, importance, entry_type, injection_risk)
            VALUES (\(entry.id), \(entry.diaryID), \(entry.title), \(entry.content), \(entry.tags),
                    \(entry.importance), \(entry.entryType)::entry_type, \(entry.injectionRisk))
            RETURNING \(Self.columns)
            """
        ).first
        pages.invalidate(entry.diaryID)
        return try Self.entry(row!)
    }

    func find(_ id: EntryID) async throws -> DiaryEntry? {
        try await database.query("SELECT \(Self.columns) FROM diary_entries WHERE id = \(id)").first.map(Self.entry)
    }

    /// One page of a diary's entries, newest first, carrying every tag in `tags`, and the number of matches.
    ///
    /// Without filters the total is the diary's counter (`diary_entry_counts`, kept by triggers), read in the
    /// same statement; with filters it is counted over the matches.
    func list(
        in diary: DiaryID, tags: [String]?, entryType: EntryType?, limit: Int, offset: Int
    ) async throws -> (entries: [DiaryEntry], total: Int) {
        var filter: SQL = "diary_id = \(diary)"
        let filtered = tags?.isEmpty == false || entryType != nil
        guard filtered else {
            let page = try await diaryPage(diary, limit: limit, offset: offset)
            return (page?.entries ?? [], page?.total ?? 0)
        }
        if let tags, !tags.isEmpty { filter.append(" AND tags @> \(tags)::text[]") }
        if let entryType { filter.append(" AND entry_type = \(entryType)::entry_type") }
        let rows = try await database.query(
            """
            SELECT \(Self.columns), count(*) OVER () AS total FROM diary_entries WHERE \(filter)
            ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """
        ).rows
        if let first = rows.first {
            return (try rows.map(Self.entry), try first.decode("total", as: Int.self))
        }
        let total =
            offset == 0
            ? 0
            : try await database.query("SELECT count(*) AS n FROM diary_entries WHERE \(filter)")
                .first?.decode("n", as: Int.self) ?? 0
        return ([], total)
    }

    func update(_ id: EntryID, _ changes: Changes) async throws -> DiaryEntry? {
        var assignments: [SQL] = []
        if let title = changes.title { assignments.append("title = \(title)") }
        if let content = changes.content { assignments.append("content = \(content)") }
        if let tags = changes.tags { assignments.append("tags = \(tags)::text[]") }
        if let importance = changes.importance { assignments.append("importance = \(importance)") }
        if let entryType = changes.entryType { assignments.append("entry_type = \(entryType)::entry_type") }
        if let supersededBy = changes.supersededBy { assignments.append("superseded_by = \(supersededBy)") }
        if let injectionRisk = changes.injectionRisk { assignments.append("injection_risk = \(injectionRisk)") }
        if changes.clearsEmbedding { assignments.append("embedding = NULL, embedding_model = NULL") }
        guard !assignments.isEmpty else { return try await find(id) }
        let updated = try await database.query(
            "UPDATE diary_entries SET \(SQL.joined(assignments, separator: ", ")) WHERE id = \(id) RETURNING \(Self.columns)"
        ).first.map(Self.entry)
        if let updated { pages.invalidate(updated.diaryId) }
        return updated
    }

    /// Deletes an entry; entries it superseded lose the reference (ON DELETE SET NULL).
    func delete(_ id: EntryID) async throws -> Bool {
        let row = try await database.query("DELETE FROM diary_entries WHERE id = \(id) RETURNING diary_id").first
        guard let row else { return false }
        pages.invalidate(try row.decode("diary_id"))
        return true
    }

    /// Counts a read: access_count + 1 and last_accessed_at = now (updated_at is left alone by the trigger).
    func recordAccess(_ ids: [EntryID]) async throws {
        guard !ids.isEmpty else { return }
        let diaries = try await database.query(
            """
            UPDATE diary_entries SET access_count = access_count + 1, last_accessed_at = now()
            WHERE id = ANY(\(ids.map(\.rawValue))::uuid[]) RETURNING diary_id
            """
        ).rows.map { try $0.decode("diary_id", as: DiaryID.self) }
        for diary in Set(diaries) { pages.invalidate(diary) }
    }

    /// Whether an entry with this id exists (any diary).
    func exists(_ id: EntryID) async throws -> Bool {
        try await !database.query("SELECT 1 FROM diary_entries WHERE id = \(id)").rows.isEmpty
    }

    static let columns: SQL = """
        id, diary_id, title, content, tags, injection_risk, importance, access_count, last_accessed_at, \
        entry_type, superseded_by, created_at, updated_at
        """

    /// The same columns read through the alias `e`.
    static let prefixedColumns: SQL = """
        e.id, e.diary_id, e.title, e.content, e.tags, e.injection_risk, e.importance, e.access_count, \
        e.last_accessed_at, e.entry_type, e.superseded_by, e.created_at, e.updated_at
        """

    static func entry(_ row: PostgresRow) throws -> DiaryEntry {
        DiaryEntry(
            id: try row.decode("id"), diaryId: try row.decode("diary_id"),
            title: try row.decode("title", as: String?.self), content: try row.decode("content"),
            tags: try row.decode("tags", as: [String]?.self), injectionRisk: try row.decode("injection_risk"),
            importance: try row.decode("importance"), accessCount: try row.decode("access_count"),
            lastAccessedAt: try row.decode("last_accessed_at", as: Date?.self), entryType: try row.decode("entry_type"),
            supersededBy: try row.decode("superseded_by", as: EntryID?.self), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"))
    }
}
