public import Foundation
public import MoltCore
public import MoltPostgres

/// Kratos's identities on MoltNet's own database (table `identities`): the default `IdentityProvider`.
///
/// The public key is the unique identifier (a duplicate is `.conflict`); the fingerprint and key are also
/// written to `metadata_public`, as the reference's registration webhook does. The password credential Kratos
/// requires is accepted by the admin API and discarded: there is no self-service login to use it.
public final class EmbeddedIdentityProvider: IdentityProvider {
    let store: EmbeddedStore
    let hasher: SecretHasher
    /// Base of recovery links (`<publicBaseURL>/self-service/recovery?flow=<id>`).
    let publicBaseURL: String

    /// How many wrong guesses burn a recovery code.
    static let recoveryAttemptLimit = 5

    public convenience init(
        database: PostgresPool, publicBaseURL: String, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = .disabled
    ) {
        self.init(
            store: EmbeddedStore(database: database, clock: clock, logger: logger), hasher: SecretHasher(),
            publicBaseURL: publicBaseURL)
    }

    init(store: EmbeddedStore, hasher: SecretHasher, publicBaseURL: String) {
        self.store = store
        self.hasher = hasher
        self.publicBaseURL = publicBaseURL
    }

    public func createIdentity(_ request: NewIdentity) async throws(IdentityError) -> Identity {
        let traits = try AgentIdentitySchema.traits(publicKey: request.publicKey, voucherCode: request.voucherCode)
        let metadata: JSONValue = .object([
            "fingerprint": .string(request.fingerprint), "public_key": .string(traits.publicKey),
        ])
        let changes = IdentityChanges(
            traits: AgentIdentitySchema.Traits(
                publicKey: traits.publicKey, voucherCode: traits.voucherCode, fingerprint: request.fingerprint),
            state: request.state, metadataPublic: metadata, metadataAdmin: nil)
        return try await create(id: request.id, changes).identity
    }

    public func identity(_ id: UUID) async throws(IdentityError) -> Identity? {
        try await record(id)?.identity
    }

    public func identity(publicKey: String) async throws(IdentityError) -> Identity? {
        let canonical = (try? Ed25519PublicKey(parsing: publicKey).wireValue) ?? publicKey
        return try await store.perform("identity by key") {
            try await store.database.query(
                "SELECT \(IdentityRecord.columns) FROM identities WHERE public_key = \(canonical)"
            ).first.map { try IdentityRecord(row: $0).identity }
        }
    }

    public func identities(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<Identity> {
        let page = try await records(pageSize: pageSize, pageToken: pageToken)
        return Page(items: page.items.map(\.identity), nextPageToken: page.nextPageToken)
    }

    public func setState(_ id: UUID, _ state: IdentityState) async throws(IdentityError) -> Identity {
        try await update(id) { record throws(IdentityError) in
            var changes = IdentityChanges(record)
            changes.state = state
            return changes
        }.identity
    }

    public func deleteIdentity(_ id: UUID) async throws(IdentityError) {
        defer { store.tokenCache.invalidate(identityID: id) }
        let deleted = try await store.perform("delete identity") {
            try await store.database.query("DELETE FROM identities WHERE id = \(id)").affectedRows
        }
        guard deleted > 0 else { throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())") }
    }

    public func createRecoveryCode(for id: UUID, expiresIn: Duration) async throws(IdentityError) -> RecoveryCode {
        let code = SecureRandom.decimalCode(digits: 6)
        let hash = try await hasher.hash(code)
        let flowID = UUID()
        let expiresAt = store.clock().addingTimeInterval(Double(expiresIn.components.seconds))
        try await store.perform("create recovery code") {
            do {
                try await store.database.query(
                    """
                    INSERT INTO identity_recovery_codes (id, identity_id, code_hash, expires_at)
                    VALUES (\(flowID), \(id), \(hash), \(expiresAt))
                    """)
            } catch let error as PostgresError where error.isForeignKeyViolation {
                throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())")
            }
        }
        let link = "\(publicBaseURL)/self-service/recovery?flow=\(flowID.uuidString.lowercased())"
        return RecoveryCode(code: code, link: link, expiresAt: expiresAt)
    }
}
