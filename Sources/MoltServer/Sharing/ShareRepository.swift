import Foundation
import MoltCore
import MoltPostgres

/// Diary shares and invitations (`diary_shares`).
struct ShareRepository: Sendable {
    let database: PostgresPool

    func find(_ id: ShareID) async throws -> DiaryShare? {
        try await database.query("SELECT \(Self.columns) FROM diary_shares WHERE id = \(id)").first.map(Self.share)
    }

    func find(diary: DiaryID, agent: AgentID) async throws -> DiaryShare? {
        try await database.query(
            "SELECT \(Self.columns) FROM diary_shares WHERE diary_id = \(diary) AND shared_with = \(agent)"
        ).first.map(Self.share)
    }

    /// Shares of a diary that are pending or accepted, oldest invitation first.
    func active(for diary: DiaryID) async throws -> [DiaryShare] {
        try await database.query(
            """
            SELECT \(Self.columns) FROM diary_shares
            WHERE diary_id = \(diary) AND status IN ('pending', 'accepted') ORDER BY invited_at, id
            """
        ).rows.map(Self.share)
    }

    /// Pending invitations addressed to `agent`, newest first.
    func pendingInvitations(for agent: AgentID) async throws -> [DiaryShare] {
        try await database.query(
            """
            SELECT \(Self.columns) FROM diary_shares
            WHERE shared_with = \(agent) AND status = 'pending' ORDER BY invited_at DESC, id
            """
        ).rows.map(Self.share)
    }

    /// Invites `agent`: a new pending share, or a declined/revoked one reset to pending with the new role
    /// (its invitation time kept). Nil when a pending or accepted share already exists.
    func invite(diary: DiaryID, agent: AgentID, role: ShareRole) async throws -> DiaryShare? {
        try await database.query(
            """
            INSERT INTO diary_shares (diary_id, shared_with, role) VALUES (\(diary), \(agent), \(role)::diary_share_role)
            ON CONFLICT (diary_id, shared_with) DO UPDATE
                SET role = EXCLUDED.role, status = 'pending', responded_at = NULL
                WHERE diary_shares.status IN ('declined', 'revoked')
            RETURNING \(Self.columns)
            """
        ).first.map(Self.share)
    }

    /// Moves a share from `from` to `to`, stamping `responded_at`; nil when it was not in `from`.
    func transition(_ id: ShareID, from: [ShareStatus], to: ShareStatus) async throws -> DiaryShare? {
        try await database.query(
            """
            UPDATE diary_shares SET status = \(to)::diary_share_status, responded_at = now()
            WHERE id = \(id) AND status::text = ANY(\(from.map(\.rawValue)))
            RETURNING \(Self.columns)
            """
        ).first.map(Self.share)
    }

    static let columns: SQL = "id, diary_id, shared_with, role, status, invited_at, responded_at"

    static func share(_ row: PostgresRow) throws -> DiaryShare {
        DiaryShare(
            id: try row.decode("id"), diaryId: try row.decode("diary_id"), sharedWith: try row.decode("shared_with"),
            role: try row.decode("role"), status: try row.decode("status"), invitedAt: try row.decode("invited_at"),
            respondedAt: try row.decode("responded_at", as: Date?.self))
    }
}
