import Foundation
import MoltCore
import MoltPostgres

/// `DiaryReflecting` as spec §5.7 describes it: the diary's entries of the last `days` (7), optionally of some
/// types, newest first, at most `maxEntries` (50); superseded entries are dropped after the limit, so a digest
/// can be shorter than the limit. The caller must be able to read the diary (404 otherwise).
struct RecentEntriesDigest: DiaryReflecting {
    let database: PostgresPool
    let diaries: DiaryService
    let clock: @Sendable () -> Date

    func reflect(_ query: ReflectQuery, by caller: AuthContext) async throws -> DiaryDigest {
        _ = try await diaries.readable(query.diaryId, by: caller)
        let days = query.days ?? SearchLimits.defaultReflectDays
        let now = clock()
        var filter: SQL =
            "diary_id = \(query.diaryId) AND created_at > \(now.addingTimeInterval(-Double(days) * 86_400))"
        if let types = query.entryTypes, !types.isEmpty {
            filter.append(" AND entry_type::text = ANY(\(types.map(\.rawValue))::text[])")
        }
        let rows = try await database.query(
            """
            SELECT \(EntryRepository.columns) FROM diary_entries WHERE \(filter)
            ORDER BY created_at DESC, id DESC LIMIT \(query.maxEntries ?? SearchLimits.defaultReflectMaxEntries)
            """
        ).rows
        let entries = try rows.map(EntryRepository.entry).filter { $0.supersededBy == nil }.map { entry in
            DiaryDigest.Entry(
                id: entry.id, content: entry.content, tags: entry.tags, importance: entry.importance,
                entryType: entry.entryType, createdAt: entry.createdAt)
        }
        return DiaryDigest(entries: entries, totalEntries: entries.count, periodDays: days, generatedAt: now)
    }
}
