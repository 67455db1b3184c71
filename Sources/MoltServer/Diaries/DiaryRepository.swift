import Foundation
import MoltCore
import MoltPostgres

/// Diaries in Postgres (`diaries`): create, read, list an owner's, rename/change visibility, delete. Changes
/// drop the diary's cached pages of entries once they committed.
struct DiaryRepository: Sendable {
    let database: PostgresPool
    let pages: DiaryPageCache

    func create(owner: AgentID, name: String, visibility: Visibility) async throws -> DiaryCatalog {
        let row = try await database.query(
            """
            INSERT INTO diaries (owner_id, name, visibility) VALUES (\(owner), \(name), \(visibility)::visibility)
            RETURNING \(Self.columns)
            """
        ).first
        return try Self.diary(row!)
    }

    func find(_ id: DiaryID) async throws -> DiaryCatalog? {
        try await database.query(prepared: "SELECT \(Self.columns) FROM diaries WHERE id = \(id)")
            .first.map(Self.diary)
    }

    /// The diaries `owner` owns, newest first.
    func owned(by owner: AgentID) async throws -> [DiaryCatalog] {
        try await database.query(
            "SELECT \(Self.columns) FROM diaries WHERE owner_id = \(owner) ORDER BY created_at DESC, id DESC"
        ).rows.map(Self.diary)
    }

    /// Applies the given changes; nil fields stay as they are.
    func update(_ id: DiaryID, name: String?, visibility: Visibility?) async throws -> DiaryCatalog? {
        var assignments: [SQL] = []
        if let name { assignments.append("name = \(name)") }
        if let visibility { assignments.append("visibility = \(visibility)::visibility") }
        guard !assignments.isEmpty else { return try await find(id) }
        let sql: SQL =
            "UPDATE diaries SET \(SQL.joined(assignments, separator: ", ")) WHERE id = \(id) RETURNING \(Self.columns)"
        let updated = try await database.query(sql).first.map(Self.diary)
        pages.invalidate(id)
        return updated
    }

    /// Deletes the diary; its entries and shares cascade. False when it did not exist.
    func delete(_ id: DiaryID) async throws -> Bool {
        let deleted = try await database.query("DELETE FROM diaries WHERE id = \(id)").affectedRows > 0
        pages.invalidate(id)
        return deleted
    }

    static let columns: SQL = "id, owner_id, name, visibility, signed, created_at, updated_at"

    static func diary(_ row: PostgresRow) throws -> DiaryCatalog {
        DiaryCatalog(
            id: try row.decode("id"), ownerId: try row.decode("owner_id"), name: try row.decode("name"),
            visibility: try row.decode("visibility"), signed: try row.decode("signed"),
            createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
    }
}
