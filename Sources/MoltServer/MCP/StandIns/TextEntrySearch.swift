import Foundation
import MoltCore
import MoltPostgres

/// `EntrySearching` on Postgres full text only: `websearch_to_tsquery('english', query)` against
/// `diary_entry_tsv(title, content, tags)`, over one readable diary or every diary the caller reads through a
/// relation. The score is spec §5.6's without the vector list: `wRelevance·1/(60+rank) + wRecency·0.99^hours
/// + wImportance·importance/10` (defaults 1, 0, 0); no offset with a query. Without a query it lists newest
/// first with the offset, as the REST route does. Results of a query count as accesses.
struct TextEntrySearch: EntrySearching {
    let database: PostgresPool
    let diaries: DiaryService
    let access: DiaryAccess
    let entries: EntryRepository

    func search(_ request: SearchDiaryRequest, by caller: AuthContext) async throws -> DiarySearchResult {
        let request = try request.validated()
        let scope: [DiaryID]
        if let diaryID = request.diaryId {
            scope = [try await diaries.readable(diaryID, by: caller).id]
        } else {
            scope = try await access.readableDiaryIDs(for: caller)
        }
        guard !scope.isEmpty else { return DiarySearchResult(results: [], total: 0) }
        let limit = request.limit ?? SearchLimits.defaultLimit
        var filter: SQL = "diary_id = ANY(\(scope.map(\.rawValue))::uuid[])"
        if let tags = request.tags, !tags.isEmpty { filter.append(" AND tags @> \(tags)::text[]") }
        if let types = request.entryTypes, !types.isEmpty {
            filter.append(" AND entry_type::text = ANY(\(types.map(\.rawValue))::text[])")
        }
        if request.excludeSuperseded == true { filter.append(" AND superseded_by IS NULL") }
        guard let query = request.query, !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            let rows = try await database.query(
                """
                SELECT \(EntryRepository.columns) FROM diary_entries WHERE \(filter)
                ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(request.offset ?? 0)
                """
            ).rows
            let results = try rows.map(EntryRepository.entry)
            return DiarySearchResult(results: results, total: results.count)
        }
        let rows = try await database.query(
            """
            SELECT \(EntryRepository.columns),
                   \(request.wRelevance ?? 1.0)::float8 / (60 + rank)
                   + \(request.wRecency ?? 0.0)::float8 * power(0.99::float8,
                       extract(epoch FROM now() - coalesce(last_accessed_at, created_at)) / 3600)
                   + \(request.wImportance ?? 0.0)::float8 * importance / 10.0 AS score
            FROM (
                SELECT e.*, row_number() OVER (ORDER BY ts_rank(diary_entry_tsv(e.title, e.content, e.tags), q) DESC,
                                                        e.created_at DESC) AS rank
                FROM diary_entries e, websearch_to_tsquery('english', \(query)) q
                WHERE \(filter) AND diary_entry_tsv(e.title, e.content, e.tags) @@ q
                ORDER BY rank LIMIT \(2 * limit)
            ) ranked
            ORDER BY score DESC, created_at DESC, id DESC LIMIT \(limit)
            """
        ).rows
        let found = try rows.map(EntryRepository.entry)
        try await entries.recordAccess(found.map(\.id))
        return DiarySearchResult(results: found, total: found.count)
    }
}
