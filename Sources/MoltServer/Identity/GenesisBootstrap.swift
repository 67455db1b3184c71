public import Foundation
public import MoltCore
public import MoltPostgres

/// Creates the first agents, who have no voucher to redeem (spec §4.3): identity, `agent_keys` row,
/// `Agent:<id>#self@<id>` tuple and an OAuth2 client `Genesis: <name>`, in that order.
///
/// Idempotent by public key: a repeat call returns the existing agent and client without the secret
/// (secrets are never stored). Calls for one key are serialised with a Postgres advisory lock, which
/// waiters poll without holding a pooled connection. If a step fails, the steps already done are undone in
/// reverse order, so nothing is left half-made; if an earlier run was cut short by a crash, a repeat call
/// makes the missing parts (and returns the secret of a client it made).
public struct GenesisBootstrap: Sendable {
    /// The scopes genesis clients get by default.
    public static let defaultScopes = ["diary:read", "diary:write", "crypto:sign", "agent:profile"]

    let identities: any IdentityProvider
    let oauth2: any OAuth2Provider
    let permissions: any PermissionEngine
    let database: PostgresPool
    let logger: Logger

    public init(
        identities: any IdentityProvider, oauth2: any OAuth2Provider, permissions: any PermissionEngine,
        database: PostgresPool, logger: Logger = .disabled
    ) {
        self.identities = identities
        self.oauth2 = oauth2
        self.permissions = permissions
        self.database = database
        self.logger = logger
    }

    /// What bootstrapping one agent produced.
    public struct Agent: Sendable, Equatable {
        public let identityID: UUID
        public let fingerprint: String
        public let publicKey: String
        public let clientID: String
        public let clientName: String
        public let scope: String
        /// The client secret, only when this call created the client.
        public let clientSecret: String?
        /// Whether this call created the identity (false for a repeat).
        public let created: Bool
    }

    /// Bootstraps one genesis agent.
    /// - Parameters:
    ///   - name: the agent's name, used in the client name `Genesis: <name>` (1–100 characters).
    ///   - publicKey: `ed25519:<base64>`.
    ///   - scopes: the client's scopes; `defaultScopes` when nil or empty.
    /// - Throws: `.invalid` for a bad name or key; whatever a failing step threw (after undoing earlier steps).
    public func bootstrap(name: String, publicKey: String, scopes: [String]? = nil) async throws(IdentityError)
        -> Agent
    {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else { throw IdentityError(.invalid, "name must be 1 to 100 characters") }
        let traits = try AgentIdentitySchema.traits(
            publicKey: publicKey, voucherCode: AgentIdentitySchema.genesisVoucherCode)
        let scopes = (scopes ?? []).isEmpty ? Self.defaultScopes : scopes ?? []
        let request = Request(name: name, traits: traits, scope: scopes.joined(separator: " "))
        let deadline = ContinuousClock.now + Self.lockWait
        do {
            while true {
                if let agent = try await runHoldingLock(request) { return agent }
                guard ContinuousClock.now < deadline else {
                    throw IdentityError(.unavailable, "another genesis run for this key did not finish in time")
                }
                try await Task.sleep(for: .milliseconds(25))
            }
        } catch let error as IdentityError {
            throw error
        } catch {
            logger.error("Genesis bootstrap failed.", ["error": String(describing: error)])
            throw IdentityError(.unavailable, "the database is unavailable")
        }
    }

    /// How long a call waits for another run on the same key.
    static let lockWait = Duration.seconds(30)

    /// Runs the bootstrap under a session advisory lock on the key, or answers nil at once when another run
    /// holds it. Waiters hold no pooled connection, so they cannot starve the run they wait for.
    private func runHoldingLock(_ request: Request) async throws -> Agent? {
        let key = request.traits.publicKey
        return try await database.withConnection { connection -> Agent? in
            let locked = try await connection.query(
                "SELECT pg_try_advisory_lock(\(Self.lockSpace), hashtext(\(key))) AS locked"
            ).first?.decode("locked", as: Bool.self)
            guard locked == true else { return nil }
            do {
                let agent = try await run(request)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.lockSpace), hashtext(\(key)))")
                return agent
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.lockSpace), hashtext(\(key)))")
                throw error
            }
        }
    }

    /// The advisory-lock class of genesis runs (the second key is the public key's hash).
    static let lockSpace: Int32 = 0x4D4F_4C47

    private struct Request: Sendable {
        let name: String
        let traits: AgentIdentitySchema.Traits
        let scope: String
    }

    private func run(_ request: Request) async throws(IdentityError) -> Agent {
        if let existing = try await identities.identity(publicKey: request.traits.publicKey) {
            return try await complete(existing, request, created: false)
        }
        let identity = try await identities.createIdentity(
            NewIdentity(
                publicKey: request.traits.publicKey, voucherCode: request.traits.voucherCode,
                fingerprint: request.traits.fingerprint))
        do {
            return try await complete(identity, request, created: true)
        } catch {
            logger.warning(
                "Genesis bootstrap step failed; removing the identity.",
                ["identity.id": identity.id.uuidString.lowercased(), "error": error.description])
            await undo(identity.id)
            throw error
        }
    }

    /// Makes whatever the identity still lacks: its key row, its self tuple and a client.
    private func complete(_ identity: Identity, _ request: Request, created: Bool) async throws(IdentityError)
        -> Agent
    {
        try await upsertAgentKey(identity)
        try await permissions.write([Self.selfTuple(identity.id)])
        let client: OAuth2Client
        if let existing = try await oauth2.clients(forIdentity: identity.id).first {
            client = existing
        } else {
            client = try await oauth2.createClient(
                NewOAuth2Client(
                    name: "Genesis: \(request.name)", scope: request.scope,
                    metadata: OAuth2ClientMetadata(
                        identityID: identity.id, publicKey: identity.publicKey, fingerprint: identity.fingerprint)))
        }
        return Agent(
            identityID: identity.id, fingerprint: identity.fingerprint, publicKey: identity.publicKey,
            clientID: client.id, clientName: client.name, scope: client.scope, clientSecret: client.secret,
            created: created)
    }

    private func upsertAgentKey(_ identity: Identity) async throws(IdentityError) {
        do {
            try await database.query(
                """
                INSERT INTO agent_keys (identity_id, public_key, fingerprint)
                VALUES (\(identity.id), \(identity.publicKey), \(identity.fingerprint))
                ON CONFLICT (identity_id) DO UPDATE SET public_key = EXCLUDED.public_key,
                    fingerprint = EXCLUDED.fingerprint
                """)
        } catch let error as PostgresError where error.isUniqueViolation {
            throw IdentityError(.conflict, "another agent already holds this key or fingerprint")
        } catch {
            logger.error("Genesis bootstrap could not write agent_keys.", ["error": String(describing: error)])
            throw IdentityError(.unavailable, "the database is unavailable")
        }
    }

    /// Removes what a failed run made, newest first; failures here are logged, not thrown.
    private func undo(_ identityID: UUID) async {
        let tuple = Self.selfTuple(identityID)
        do {
            try await permissions.delete(RelationQuery(tuple))
        } catch {
            logger.error("Genesis undo failed to delete the self tuple.", ["error": error.description])
        }
        do {
            try await database.query("DELETE FROM agent_keys WHERE identity_id = \(identityID)")
        } catch {
            logger.error("Genesis undo failed to delete agent_keys.", ["error": String(describing: error)])
        }
        do {
            try await identities.deleteIdentity(identityID)
        } catch {
            logger.error("Genesis undo failed to delete the identity.", ["error": error.description])
        }
    }

    static func selfTuple(_ id: UUID) -> RelationTuple {
        let text = id.uuidString.lowercased()
        return RelationTuple(namespace: "Agent", object: text, relation: "self", subject: .id(text))
    }
}
