import Foundation
import MoltCore
import MoltPostgres

/// `GET /diaries/reflect` (spec §5.7): a digest of a diary's recent entries, newest first. Superseded entries
/// are left out before the limit is applied, so a digest is only short when the diary is.
struct ReflectService: Sendable {
    let database: PostgresPool
    let diaries: DiaryService
    let clock: @Sendable () -> Date

    func reflect(_ query: ReflectQuery, by caller: AuthContext) async throws -> DiaryDigest {
        let diary = try await diaries.readable(query.diaryId, by: caller)
        let days = query.days ?? SearchLimits.defaultReflectDays
        let limit = query.maxEntries ?? SearchLimits.defaultReflectMaxEntries
        let now = clock()
        var filter: SQL = """
            diary_id = \(diary.id) AND superseded_by IS NULL \
            AND created_at > \(now.addingTimeInterval(-Double(days) * 86_400))
            """
        if let types = query.entryTypes, !types.isEmpty {
            filter.append(" AND entry_type::text = ANY(\(types.map(\.rawValue)))")
        }
        let rows = try await database.query(
            """
            SELECT id, content, tags, importance, entry_type, created_at FROM diary_entries WHERE \(filter)
            ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """
        ).rows
        let entries = try rows.map { row in
            DiaryDigest.Entry(
                id: try row.decode("id"), content: try row.decode("content"),
                tags: try row.decode("tags", as: [String]?.self), importance: try row.decode("importance"),
                entryType: try row.decode("entry_type"), createdAt: try row.decode("created_at"))
        }
        return DiaryDigest(entries: entries, totalEntries: entries.count, periodDays: days, generatedAt: now)
    }
}
