public import Foundation
import MoltPostgres

/// The record-level operations behind the protocol and the Kratos admin API.
extension EmbeddedIdentityProvider {
    /// Inserts an identity; a taken public key or id is `.conflict`.
    func create(id: UUID?, _ changes: IdentityChanges) async throws(IdentityError) -> IdentityRecord {
        let id = id ?? UUID()
        return try await store.perform("create identity") {
            do {
                let row = try await store.database.query(
                    """
                    INSERT INTO identities (id, state, public_key, voucher_code, fingerprint, metadata_public,
                        metadata_admin)
                    VALUES (\(id), \(changes.state.rawValue), \(changes.traits.publicKey),
                        \(changes.traits.voucherCode), \(changes.traits.fingerprint),
                        \(changes.metadataPublic?.postgresJSON), \(changes.metadataAdmin?.postgresJSON))
                    RETURNING \(IdentityRecord.columns)
                    """
                ).first
                guard let row else { throw IdentityError(.unavailable, "the identity was not stored") }
                return try IdentityRecord(row: row)
            } catch let error as PostgresError where error.isUniqueViolation {
                throw IdentityError(.conflict, "This identity conflicts with another identity that already exists.")
            }
        }
    }

    /// The identity with this id, or nil.
    func record(_ id: UUID) async throws(IdentityError) -> IdentityRecord? {
        try await store.perform("get identity") {
            try await store.database.query("SELECT \(IdentityRecord.columns) FROM identities WHERE id = \(id)")
                .first.map(IdentityRecord.init(row:))
        }
    }

    /// One page in creation order, optionally only the identity holding `publicKey` or those in `ids`.
    func records(pageSize: Int, pageToken: String?, publicKey: String? = nil, ids: [UUID]? = nil)
        async throws(IdentityError) -> Page<IdentityRecord>
    {
        let after = try KeysetPageToken.decode(pageToken)
        let size = max(pageSize, 1)
        var sql: SQL = "SELECT \(IdentityRecord.columns) FROM identities WHERE seq > \(after)"
        if let publicKey { sql.append(" AND public_key = \(publicKey)") }
        if let ids { sql.append(" AND id = ANY(\(ids))") }
        sql.append(" ORDER BY seq LIMIT \(size + 1)")
        let rows = try await store.perform("list identities") {
            try await store.database.query(sql).rows.map(IdentityRecord.init(row:))
        }
        let items = Array(rows.prefix(size))
        let next = rows.count > size ? items.last.map { KeysetPageToken.encode(after: $0.seq) } : nil
        return Page(items: items, nextPageToken: next)
    }

    /// Reads the identity under a row lock, lets `change` compute the new writable parts, and stores them.
    func update(
        _ id: UUID, _ change: @Sendable (IdentityRecord) throws(IdentityError) -> IdentityChanges
    ) async throws(IdentityError) -> IdentityRecord {
        defer { store.tokenCache.invalidate(identityID: id) }
        return try await store.perform("update identity") {
            do {
                return try await store.database.withTransaction { connection in
                    let current = try await connection.query(
                        "SELECT \(IdentityRecord.columns) FROM identities WHERE id = \(id) FOR UPDATE"
                    ).first.map(IdentityRecord.init(row:))
                    guard let current else {
                        throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())")
                    }
                    let changes = try change(current)
                    let row = try await connection.query(
                        """
                        UPDATE identities SET state = \(changes.state.rawValue),
                            state_changed_at = CASE WHEN state = \(changes.state.rawValue) THEN state_changed_at
                                ELSE now() END,
                            public_key = \(changes.traits.publicKey), voucher_code = \(changes.traits.voucherCode),
                            fingerprint = \(changes.traits.fingerprint),
                            metadata_public = \(changes.metadataPublic?.postgresJSON),
                            metadata_admin = \(changes.metadataAdmin?.postgresJSON)
                        WHERE id = \(id)
                        RETURNING \(IdentityRecord.columns)
                        """
                    ).first
                    guard let row else { throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())") }
                    return try IdentityRecord(row: row)
                }
            } catch let error as PostgresError where error.isUniqueViolation {
                throw IdentityError(.conflict, "This identity conflicts with another identity that already exists.")
            }
        }
    }

    /// Redeems a recovery code created by `createRecoveryCode`: the identity it was made for, once.
    ///
    /// The flow id comes from the recovery link. A wrong code counts an attempt; after
    /// `recoveryAttemptLimit` wrong codes, or once used or expired, the flow answers `.unauthorized`.
    public func redeemRecoveryCode(flowID: UUID, code: String) async throws(IdentityError) -> UUID {
        let now = store.clock()
        enum Outcome: Sendable {
            case redeemed(UUID)
            case rejected
        }
        let outcome = try await store.perform("redeem recovery code") {
            try await store.database.withTransaction { connection -> Outcome in
                let row = try await connection.query(
                    """
                    SELECT identity_id, code_hash FROM identity_recovery_codes
                    WHERE id = \(flowID) AND used_at IS NULL AND expires_at > \(now)
                        AND attempts < \(Self.recoveryAttemptLimit)
                    FOR UPDATE
                    """
                ).first
                guard let row else { return .rejected }
                let identityID = try row.decode("identity_id", as: UUID.self)
                guard await hasher.verify(code, against: try row.decode("code_hash", as: String.self)) else {
                    try await connection.query(
                        "UPDATE identity_recovery_codes SET attempts = attempts + 1 WHERE id = \(flowID)")
                    return .rejected
                }
                try await connection.query("UPDATE identity_recovery_codes SET used_at = \(now) WHERE id = \(flowID)")
                return .redeemed(identityID)
            }
        }
        guard case .redeemed(let identityID) = outcome else {
            throw IdentityError(.unauthorized, "the recovery code is invalid, used or expired")
        }
        return identityID
    }
}
