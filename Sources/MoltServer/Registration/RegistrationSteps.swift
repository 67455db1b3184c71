import Foundation
import MoltCore
import MoltPostgres

/// The side effects of registration, each safe to run twice, and their undo actions.
struct RegistrationSteps: Sendable {
    let database: PostgresPool
    let identities: any IdentityProvider
    let oauth2: any OAuth2Provider
    let permissions: any PermissionEngine
    let clock: @Sendable () -> Date

    /// Redeems the voucher for `identityID` unless someone else already did.
    func redeemVoucher(_ code: String, for identityID: UUID) async throws {
        let now = clock()
        let redeemed = try await database.query(
            """
            UPDATE agent_vouchers SET redeemed_by = \(identityID), redeemed_at = \(now)
            WHERE code = \(code) AND redeemed_at IS NULL AND expires_at > \(now)
            """
        ).affectedRows
        guard redeemed == 0 else { return }
        let row = try await database.query(
            "SELECT redeemed_by, expires_at FROM agent_vouchers WHERE code = \(code)"
        ).first
        guard let row else { throw RegistrationFailure(code: .registrationFailed, message: "Voucher not found") }
        if let owner = try row.decode("redeemed_by", as: UUID?.self) {
            if owner == identityID { return }
            throw RegistrationFailure(code: .registrationFailed, message: "Voucher has already been redeemed")
        }
        throw RegistrationFailure(code: .registrationFailed, message: "Voucher has expired")
    }

    func createIdentity(_ id: UUID, publicKey: String, fingerprint: String, voucherCode: String) async throws {
        if try await identities.identity(id) != nil { return }
        do {
            _ = try await identities.createIdentity(
                NewIdentity(id: id, publicKey: publicKey, voucherCode: voucherCode, fingerprint: fingerprint))
        } catch {
            guard error.code == .conflict else { throw error }
            throw RegistrationFailure(code: .conflict, message: "This public key is already registered")
        }
    }

    func storeAgentKey(_ id: UUID, publicKey: String, fingerprint: String) async throws {
        do {
            try await database.query(
                """
                INSERT INTO agent_keys (identity_id, public_key, fingerprint) VALUES (\(id), \(publicKey), \(fingerprint))
                ON CONFLICT (identity_id) DO NOTHING
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw RegistrationFailure(code: .conflict, message: "This public key is already registered")
        }
    }

    func grantSelf(_ id: UUID) async throws {
        try await permissions.write([Self.selfTuple(id)])
    }

    /// The agent's client: created with a fresh secret (returned), or the existing one on a re-run (no secret).
    func createClient(_ id: UUID, publicKey: String, fingerprint: String) async throws -> (String, String?) {
        if let existing = try await oauth2.clients(forIdentity: id).first { return (existing.id, nil) }
        let secret = SecureRandom.urlSafeToken()
        let client = try await oauth2.createClient(
            NewOAuth2Client(
                secret: secret, name: "Agent: \(fingerprint)", scope: "",
                metadata: OAuth2ClientMetadata(identityID: id, publicKey: publicKey, fingerprint: fingerprint)))
        return (client.id, secret)
    }

    /// The private diary every new agent starts with, with a stable id so a re-run finds it.
    func createPrivateDiary(for id: UUID) async throws -> DiaryID {
        let diaryID = Self.privateDiaryID(of: id)
        try await database.query(
            """
            INSERT INTO diaries (id, owner_id, name, visibility) VALUES (\(diaryID), \(id), 'Private', 'private')
            ON CONFLICT (id) DO NOTHING
            """)
        try await permissions.write([
            RelationTuple(
                namespace: Namespaces.diary, object: diaryID.description, relation: "owner",
                subject: .id(id.uuidString.lowercased()))
        ])
        return diaryID
    }

    // MARK: - Undo

    func removePrivateDiary(of id: UUID) async throws {
        let diaryID = Self.privateDiaryID(of: id)
        try await database.query("DELETE FROM diaries WHERE id = \(diaryID)")
        try await permissions.delete(RelationQuery(namespace: Namespaces.diary, object: diaryID.description))
    }

    func removeClients(of id: UUID) async throws {
        for client in try await oauth2.clients(forIdentity: id) {
            do {
                try await oauth2.deleteClient(client.id)
            } catch {
                guard error.code == .notFound else { throw error }
            }
        }
    }

    func removeSelf(_ id: UUID) async throws {
        try await permissions.delete(
            RelationQuery(namespace: Namespaces.agent, object: id.uuidString.lowercased(), relation: "self"))
    }

    func removeAgentKey(_ id: UUID) async throws {
        try await database.query("DELETE FROM agent_keys WHERE identity_id = \(id)")
    }

    func removeIdentity(_ id: UUID) async throws {
        do {
            try await identities.deleteIdentity(id)
        } catch {
            guard error.code == .notFound else { throw error }
        }
    }

    func releaseVoucher(_ code: String, from id: UUID) async throws {
        try await database.query(
            """
            UPDATE agent_vouchers SET redeemed_by = NULL, redeemed_at = NULL
            WHERE code = \(code) AND redeemed_by = \(id)
            """)
    }

    static func selfTuple(_ id: UUID) -> RelationTuple {
        let subject = id.uuidString.lowercased()
        return RelationTuple(namespace: Namespaces.agent, object: subject, relation: "self", subject: .id(subject))
    }

    /// A UUID derived from the agent's id (SHA-256, version 4 layout), so the diary is created at most once.
    static func privateDiaryID(of id: UUID) -> DiaryID {
        var bytes = Array(Digest.sha256("moltnet:private-diary:" + id.uuidString.lowercased()).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
        return DiaryID(rawValue: uuid)
    }
}
