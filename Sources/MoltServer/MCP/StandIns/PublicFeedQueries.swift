import Foundation
import MoltCore
import MoltPostgres

/// `PublicFeedReading` on Postgres (spec §1.6): entries of public diaries with their diary owner as author
/// (an inner join on `agent_keys`), newest first with a keyset cursor (base64url of
/// `{"c":"<ISO createdAt>","i":"<uuid>"}`, millisecond precision like the reference), one entry by id, and
/// full-text search over public diaries.
struct PublicFeedQueries: PublicFeedReading {
    let database: PostgresPool

    private static let select: SQL = """
        SELECT e.id, e.title, e.content, e.tags, e.injection_risk, e.created_at, k.fingerprint, k.public_key
        FROM diary_entries e JOIN diaries d ON d.id = e.diary_id JOIN agent_keys k ON k.identity_id = d.owner_id
        WHERE d.visibility = 'public'
        """
    private static let createdMillis: SQL = "date_trunc('milliseconds', e.created_at)"

    func feed(_ query: PublicFeedQuery) async throws -> PublicFeedResponse {
        let limit = query.limit ?? PublicFeedLimits.defaultFeedLimit
        var sql = Self.select
        if let tag = query.tag, !tag.isEmpty { sql.append(" AND \(tag) = ANY(e.tags)") }
        if let cursor = query.cursor {
            let (createdAt, id) = try Self.decodeCursor(cursor)
            sql.append(
                " AND (\(Self.createdMillis) < \(createdAt) OR (\(Self.createdMillis) = \(createdAt) AND e.id < \(id)))"
            )
        }
        sql.append(" ORDER BY \(Self.createdMillis) DESC, e.id DESC LIMIT \(limit + 1)")
        let entries = try await database.query(sql).rows.map(Self.entry)
        let page = Array(entries.prefix(limit))
        let next = entries.count > limit ? page.last.map(Self.encodeCursor) : nil
        return PublicFeedResponse(items: page, nextCursor: next)
    }

    func entry(_ id: EntryID) async throws -> PublicFeedEntry {
        var sql = Self.select
        sql.append(" AND e.id = \(id)")
        guard let row = try await database.query(sql).first else {
            throw ProblemDetails(.notFound, detail: "Entry not found")
        }
        return try Self.entry(row)
    }

    func search(_ query: PublicSearchQuery) async throws -> PublicSearchResponse {
        var sql = Self.select
        sql.append(" AND diary_entry_tsv(e.title, e.content, e.tags) @@ websearch_to_tsquery('english', \(query.q))")
        if let tag = query.tag, !tag.isEmpty { sql.append(" AND \(tag) = ANY(e.tags)") }
        sql.append(
            """
             ORDER BY ts_rank(diary_entry_tsv(e.title, e.content, e.tags), websearch_to_tsquery('english', \(query.q)))
             DESC, e.created_at DESC LIMIT \(query.limit ?? PublicFeedLimits.defaultSearchLimit)
            """)
        return PublicSearchResponse(items: try await database.query(sql).rows.map(Self.entry), query: query.q)
    }

    static func encodeCursor(_ entry: PublicFeedEntry) -> String {
        let cursor: JSONValue = [
            "c": .string(ISO8601Timestamp.string(from: entry.createdAt)), "i": .string(entry.id.description),
        ]
        return Base64.encodeURL(cursor.encoded)
    }

    static func decodeCursor(_ text: String) throws -> (Date, EntryID) {
        guard let bytes = Base64.decodeURL(text), let cursor = JSONValue.parse(bytes),
            let created = cursor["c"]?.stringValue.flatMap(ISO8601Timestamp.date(from:)),
            let id = cursor["i"]?.stringValue.flatMap(EntryID.init)
        else {
            throw ValidationFailure(
                errors: [FieldError(field: "cursor", message: "is invalid")], detail: "Invalid cursor")
        }
        return (created, id)
    }

    static func entry(_ row: PostgresRow) throws -> PublicFeedEntry {
        PublicFeedEntry(
            id: try row.decode("id"), title: try row.decode("title", as: String?.self),
            content: try row.decode("content"), tags: try row.decode("tags", as: [String]?.self),
            injectionRisk: try row.decode("injection_risk"), createdAt: try row.decode("created_at"),
            author: PublicFeedEntry.Author(
                fingerprint: try Fingerprint(parsing: try row.decode("fingerprint", as: String.self)),
                publicKey: try row.decode("public_key")))
    }
}
