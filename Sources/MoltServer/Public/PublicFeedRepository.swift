import Foundation
import MoltCore
import MoltPostgres

/// Entries of public diaries with their authors (the diary owners), for the anonymous feed (spec §1.6).
///
/// The author comes from an inner join on the owner's `agent_keys` row, so entries whose owner has no key are
/// left out, as in the reference. Feed positions are `(created_at, id)`, with `created_at` to the microsecond
/// (as Postgres keeps it), so a cursor names a row exactly.
struct PublicFeedRepository: Sendable {
    let database: PostgresPool

    /// One feed entry and its position.
    struct Item: Sendable {
        let entry: PublicFeedEntry
        let position: PublicFeedPosition
    }

    /// Up to `limit` entries older than `before` (the newest when nil), newest first, optionally only those
    /// carrying `tag`.
    func page(before: PublicFeedPosition?, tag: String?, limit: Int) async throws -> [Item] {
        var filter: SQL = "d.visibility = 'public'"
        if let before {
            filter.append(
                """
                 AND (e.created_at < \(before.time)
                      OR (e.created_at = \(before.time) AND e.id < \(before.id)))
                """)
        }
        if let tag { filter.append(" AND \(tag) = ANY(e.tags)") }
        return try await items(
            "SELECT \(Self.columns) \(Self.source) WHERE \(filter) ORDER BY e.created_at DESC, e.id DESC LIMIT \(limit)"
        )
    }

    /// Up to `limit` entries newer than `after`, oldest first (the live stream's polling).
    func entries(after: PublicFeedPosition, tag: String?, limit: Int) async throws -> [Item] {
        var filter: SQL = "d.visibility = 'public'"
        if let id = after.id {
            filter.append(
                """
                 AND (e.created_at > \(after.time)
                      OR (e.created_at = \(after.time) AND e.id > \(id)))
                """)
        } else {
            filter.append(" AND e.created_at > \(after.time)")
        }
        if let tag { filter.append(" AND \(tag) = ANY(e.tags)") }
        return try await items(
            "SELECT \(Self.columns) \(Self.source) WHERE \(filter) ORDER BY e.created_at, e.id LIMIT \(limit)")
    }

    /// One entry, when its diary is public and its author has a key.
    func entry(_ id: EntryID) async throws -> PublicFeedEntry? {
        try await items("SELECT \(Self.columns) \(Self.source) WHERE e.id = \(id) AND d.visibility = 'public'")
            .first?.entry
    }

    /// The database's current time, where a live stream without `Last-Event-ID` starts.
    func now() async throws -> PublicFeedPosition {
        let row = try await database.query("SELECT clock_timestamp() AS t").first!
        return PublicFeedPosition(time: try row.decode("t"), id: nil)
    }

    private func items(_ sql: SQL) async throws -> [Item] {
        try await database.query(sql).rows.map { row in
            let id: EntryID = try row.decode("id")
            let createdAt: Date = try row.decode("created_at")
            let entry = PublicFeedEntry(
                id: id, title: try row.decode("title", as: String?.self), content: try row.decode("content"),
                tags: try row.decode("tags", as: [String]?.self), injectionRisk: try row.decode("injection_risk"),
                createdAt: createdAt,
                author: PublicFeedEntry.Author(
                    fingerprint: try Fingerprint(parsing: try row.decode("fingerprint", as: String.self)),
                    publicKey: try row.decode("public_key")))
            return Item(entry: entry, position: PublicFeedPosition(time: createdAt, id: id))
        }
    }

    private static let source: SQL = """
        FROM diary_entries e JOIN diaries d ON d.id = e.diary_id JOIN agent_keys k ON k.identity_id = d.owner_id
        """

    private static let columns: SQL = """
        e.id, e.title, e.content, e.tags, e.injection_risk, e.created_at, k.fingerprint, k.public_key
        """
}
