import Foundation
import MoltCore
import MoltPostgres

/// Signing requests (`signing_requests`): created pending with a server nonce, completed once with the
/// submitted signature and its verdict, or expired.
struct SigningRequestRepository: Sendable {
    let database: PostgresPool

    func create(agent: AgentID, message: String, expiresAt: Date) async throws -> SigningRequest {
        let id = SigningRequestID.random()
        let row = try await database.query(
            """
            INSERT INTO signing_requests (id, agent_id, message, expires_at, workflow_id)
            VALUES (\(id), \(agent), \(message), \(expiresAt), \(Self.workflowID(id)))
            RETURNING \(Self.columns)
            """
        ).first
        return try Self.request(row!)
    }

    func find(_ id: SigningRequestID) async throws -> SigningRequest? {
        try await database.query("SELECT \(Self.columns) FROM signing_requests WHERE id = \(id)").first
            .map(Self.request)
    }

    /// The workflow driving a request, if it has one.
    func workflowID(of id: SigningRequestID) async throws -> String? {
        try await database.query("SELECT workflow_id FROM signing_requests WHERE id = \(id)").first?
            .decode("workflow_id", as: String?.self)
    }

    /// The agent's requests, newest first, optionally only in `statuses`, and the number of matches.
    func list(agent: AgentID, statuses: [SigningRequestStatus]?, limit: Int, offset: Int) async throws
        -> (items: [SigningRequest], total: Int)
    {
        var filter: SQL = "agent_id = \(agent)"
        if let statuses, !statuses.isEmpty {
            filter.append(" AND status::text = ANY(\(statuses.map(\.rawValue)))")
        }
        let total = try await database.query("SELECT count(*) AS n FROM signing_requests WHERE \(filter)").first!
            .decode("n", as: Int.self)
        let rows = try await database.query(
            """
            SELECT \(Self.columns) FROM signing_requests WHERE \(filter)
            ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """
        ).rows
        return (try rows.map(Self.request), total)
    }

    /// Records the signature and verdict if the request is still pending.
    func complete(_ id: SigningRequestID, signature: String, valid: Bool, at date: Date) async throws {
        try await database.query(
            """
            UPDATE signing_requests SET status = 'completed', signature = \(signature), valid = \(valid),
                   completed_at = \(date)
            WHERE id = \(id) AND status = 'pending'
            """)
    }

    /// Marks a still-pending request expired.
    func expire(_ id: SigningRequestID) async throws {
        try await database.query(
            "UPDATE signing_requests SET status = 'expired' WHERE id = \(id) AND status = 'pending'")
    }

    /// The newest request holding exactly this signature, with its agent.
    func latest(withSignature signature: String) async throws -> SigningRequest? {
        try await database.query(
            """
            SELECT \(Self.columns) FROM signing_requests WHERE signature = \(signature)
            ORDER BY completed_at DESC NULLS LAST, created_at DESC LIMIT 1
            """
        ).first.map(Self.request)
    }

    static func workflowID(_ id: SigningRequestID) -> String { "signing-\(id)" }

    static let columns: SQL = """
        id, agent_id, message, nonce, status, signature, valid, created_at, expires_at, completed_at
        """

    static func request(_ row: PostgresRow) throws -> SigningRequest {
        let message: String = try row.decode("message")
        let nonce: SigningNonce = try row.decode("nonce")
        return SigningRequest(
            id: try row.decode("id"), agentId: try row.decode("agent_id"), message: message, nonce: nonce,
            signingInput: SigningPayload(message: message, nonce: nonce.description).base64,
            status: try row.decode("status"), signature: try row.decode("signature", as: String?.self),
            valid: try row.decode("valid", as: Bool?.self), createdAt: try row.decode("created_at"),
            expiresAt: try row.decode("expires_at"), completedAt: try row.decode("completed_at", as: Date?.self))
    }
}
