import Foundation
import MoltCore
import MoltPostgres

/// The two hottest reads, each one round trip that also brings the diary, so the service can decide access
/// without a query of its own (docs/performance.md).
extension EntryRepository {
    /// A diary, a page of its entries (newest first) and its entry counter, read together.
    struct DiaryPage: Sendable {
        let diary: DiaryCatalog
        let entries: [DiaryEntry]
        let total: Int
    }

    /// The diary with one unfiltered page of its entries and its counter; nil when there is no such diary.
    func diaryPage(_ diary: DiaryID, limit: Int, offset: Int) async throws -> DiaryPage? {
        let rows = try await database.query(
            prepared: SQL(
                """
                SELECT \(Self.diaryColumns), coalesce(c.entries, 0) AS total, page.*
                FROM diaries d
                LEFT JOIN diary_entry_counts c ON c.diary_id = d.id
                LEFT JOIN LATERAL (
                    SELECT \(Self.columns) FROM diary_entries WHERE diary_id = d.id
                    ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
                ) page ON true
                WHERE d.id = \(diary)
                """
            )
        ).rows
        guard let first = rows.first else { return nil }
        let entries = try rows.filter { try $0.decode("id", as: EntryID?.self) != nil }.map(Self.entry)
        return DiaryPage(diary: try Self.diary(first), entries: entries, total: try first.decode("total"))
    }

    /// The diary and, when `reader` owns it or it is not private (readable by any authenticated agent, the
    /// rule of `DiaryAccess`), the entry with this read counted. nil when there is no such diary; a nil
    /// entry when it is not in the diary or the read needs a permission check first (then call `read`).
    func readWithDiary(_ id: EntryID, in diary: DiaryID, reader: AgentID) async throws -> (
        diary: DiaryCatalog, entry: DiaryEntry?
    )? {
        let row = try await database.query(
            prepared: SQL(
                """
                WITH d AS (SELECT * FROM diaries WHERE id = \(diary)),
                counted AS (
                    UPDATE diary_entries SET access_count = access_count + 1, last_accessed_at = now()
                    WHERE id = \(id) AND diary_id = \(diary)
                        AND EXISTS (SELECT 1 FROM d WHERE d.owner_id = \(reader) OR d.visibility <> 'private')
                    RETURNING \(Self.columns)
                )
                SELECT \(Self.diaryColumns), e.* FROM d LEFT JOIN counted e ON true
                """
            )
        ).first
        guard let row else { return nil }
        let entry = try row.decode("id", as: EntryID?.self) == nil ? nil : try Self.entry(row)
        if entry != nil { pages.invalidate(diary) }
        return (try Self.diary(row), entry)
    }

    /// Counts a read of an entry of `diary` and returns it as stored afterwards; nil when there is no such
    /// entry in that diary.
    func read(_ id: EntryID, in diary: DiaryID) async throws -> DiaryEntry? {
        let entry = try await database.query(
            prepared: SQL(
                """
                UPDATE diary_entries SET access_count = access_count + 1, last_accessed_at = now()
                WHERE id = \(id) AND diary_id = \(diary) RETURNING \(Self.columns)
                """
            )
        ).first.map(Self.entry)
        if entry != nil { pages.invalidate(diary) }
        return entry
    }

    /// The diary's columns under `diary_` names, so they sit beside an entry's in one row.
    static let diaryColumns: SQL = """
        d.id AS diary_row_id, d.owner_id AS diary_owner_id, d.name AS diary_name, d.visibility AS diary_visibility, \
        d.signed AS diary_signed, d.created_at AS diary_created_at, d.updated_at AS diary_updated_at
        """

    static func diary(_ row: PostgresRow) throws -> DiaryCatalog {
        DiaryCatalog(
            id: try row.decode("diary_row_id"), ownerId: try row.decode("diary_owner_id"),
            name: try row.decode("diary_name"), visibility: try row.decode("diary_visibility"),
            signed: try row.decode("diary_signed"), createdAt: try row.decode("diary_created_at"),
            updatedAt: try row.decode("diary_updated_at"))
    }
}
