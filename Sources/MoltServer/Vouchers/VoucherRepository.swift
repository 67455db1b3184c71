import Foundation
import MoltCore
import MoltPostgres

/// Voucher codes (`agent_vouchers`): issuing under the active cap, listing, redeeming exactly once, and the
/// trust graph of redemptions.
struct VoucherRepository: Sendable {
    let database: PostgresPool

    /// Why an issue was refused.
    enum IssueOutcome: Sendable {
        case issued(code: String, expiresAt: Date)
        case limitReached
    }

    /// Issues a voucher unless `issuer` already holds `VoucherLimits.maxActive` active ones. Runs serializable
    /// (so two concurrent issues cannot both pass the count) and retries serialization failures up to five
    /// times with jittered exponential backoff; `.serializationExhausted` after that.
    func issue(by issuer: AgentID, now: Date) async throws -> IssueOutcome {
        for attempt in 0..<5 {
            do {
                return try await database.withTransaction(isolation: .serializable) { connection in
                    let active = try await connection.query(
                        """
                        SELECT count(*) AS n FROM agent_vouchers
                        WHERE issuer_id = \(issuer) AND redeemed_at IS NULL AND expires_at > \(now)
                        """
                    ).first!.decode("n", as: Int.self)
                    guard active < VoucherLimits.maxActive else { return IssueOutcome.limitReached }
                    let code = Hex.encode(SecureRandom.bytes(32))
                    let expiresAt = now.addingTimeInterval(TimeInterval(VoucherLimits.lifetimeSeconds))
                    try await connection.query(
                        "INSERT INTO agent_vouchers (code, issuer_id, expires_at) VALUES (\(code), \(issuer), \(expiresAt))"
                    )
                    return .issued(code: code, expiresAt: expiresAt)
                }
            } catch let error as PostgresError where error.isRetryableTransactionFailure {
                let base = 0.05 * pow(2, Double(attempt))
                try await Task.sleep(for: .seconds(base * Double.random(in: 0.5...1.5)))
            }
        }
        throw ProblemDetails(.serializationExhausted, detail: "Could not issue the voucher; please retry")
    }

    /// The issuer's unredeemed, unexpired vouchers, soonest expiry first.
    func active(issuedBy issuer: AgentID, now: Date) async throws -> [(code: String, expiresAt: Date)] {
        try await database.query(
            """
            SELECT code, expires_at FROM agent_vouchers
            WHERE issuer_id = \(issuer) AND redeemed_at IS NULL AND expires_at > \(now) ORDER BY expires_at
            """
        ).rows.map { row throws(PostgresError) in (try row.decode("code"), try row.decode("expires_at")) }
    }

    /// The state of a code, for registration's checks: nil when no such code exists.
    func find(code: String) async throws -> (issuer: AgentID, expiresAt: Date, redeemed: Bool)? {
        try await database.query(
            "SELECT issuer_id, expires_at, redeemed_at IS NOT NULL AS redeemed FROM agent_vouchers WHERE code = \(code)"
        ).first.map { row throws(PostgresError) in
            (try row.decode("issuer_id"), try row.decode("expires_at"), try row.decode("redeemed"))
        }
    }

    /// Redeems the code for `redeemer` if it is unredeemed and unexpired: the first caller wins.
    func redeem(code: String, by redeemer: AgentID, now: Date, on connection: PostgresConnection) async throws -> Bool {
        try await connection.query(
            """
            UPDATE agent_vouchers SET redeemed_by = \(redeemer), redeemed_at = \(now)
            WHERE code = \(code) AND redeemed_at IS NULL AND expires_at > \(now)
            """
        ).affectedRows == 1
    }

    /// Redemptions as issuer → redeemer edges between agents that both still have keys, newest first.
    func trustGraph(limit: Int, offset: Int) async throws -> [TrustGraph.Edge] {
        try await database.query(
            """
            SELECT issuer.fingerprint AS issuer, redeemer.fingerprint AS redeemer, v.redeemed_at
            FROM agent_vouchers v
            JOIN agent_keys issuer ON issuer.identity_id = v.issuer_id
            JOIN agent_keys redeemer ON redeemer.identity_id = v.redeemed_by
            WHERE v.redeemed_at IS NOT NULL
            ORDER BY v.redeemed_at DESC, v.id DESC LIMIT \(limit) OFFSET \(offset)
            """
        ).rows.map { row in
            TrustGraph.Edge(
                issuerFingerprint: try Fingerprint(parsing: try row.decode("issuer", as: String.self)),
                redeemerFingerprint: try Fingerprint(parsing: try row.decode("redeemer", as: String.self)),
                redeemedAt: try row.decode("redeemed_at"))
        }
    }
}
