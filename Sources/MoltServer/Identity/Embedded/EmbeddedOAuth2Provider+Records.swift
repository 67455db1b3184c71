import Foundation
import MoltCore
import MoltPostgres

/// The record-level operations behind the protocol and the Hydra admin API.
extension EmbeddedOAuth2Provider {
    /// Inserts a client with the given or a generated id and secret; returns it and the plain secret.
    func create(id: String?, secret: String?, _ fields: OAuth2ClientFields) async throws(IdentityError)
        -> (OAuth2ClientRecord, String)
    {
        let fields = try Self.validated(fields)
        let id = id ?? UUID().uuidString.lowercased()
        guard !id.isEmpty, id.utf8.count <= 255 else { throw IdentityError(.invalid, "client_id is invalid") }
        let secret = try Self.validated(secret: secret) ?? SecureRandom.urlSafeToken(byteCount: 32)
        let hash = try await hasher.hash(secret)
        let record = try await store.perform("create client") {
            do {
                let row = try await store.database.query(
                    """
                    INSERT INTO oauth2_clients (id, secret_hash, name, scope, grant_types,
                        token_endpoint_auth_method, metadata, identity_id, extra)
                    VALUES (\(id), \(hash), \(fields.name), \(fields.scope), \(fields.grantTypes),
                        \(fields.tokenEndpointAuthMethod), \(fields.metadata?.postgresJSON), \(fields.identityID),
                        \(JSONValue.object(fields.extra).postgresJSON))
                    RETURNING \(OAuth2ClientRecord.columns)
                    """
                ).first
                guard let row else { throw IdentityError(.unavailable, "the client was not stored") }
                return try OAuth2ClientRecord(row: row)
            } catch let error as PostgresError where error.isUniqueViolation {
                throw IdentityError(
                    .conflict,
                    "Unable to insert or update resource because a resource with that value exists already")
            }
        }
        return (record, secret)
    }

    /// The client with this id, or nil.
    func record(_ id: String) async throws(IdentityError) -> OAuth2ClientRecord? {
        try await store.perform("get client") {
            try await store.database.query("SELECT \(OAuth2ClientRecord.columns) FROM oauth2_clients WHERE id = \(id)")
                .first.map(OAuth2ClientRecord.init(row:))
        }
    }

    /// One page in creation order, optionally only clients with this name or owner.
    func records(pageSize: Int, pageToken: String?, name: String? = nil, owner: String? = nil)
        async throws(IdentityError) -> Page<OAuth2ClientRecord>
    {
        let after = try KeysetPageToken.decode(pageToken)
        let size = max(pageSize, 1)
        var sql: SQL = "SELECT \(OAuth2ClientRecord.columns) FROM oauth2_clients WHERE seq > \(after)"
        if let name { sql.append(" AND name = \(name)") }
        if let owner { sql.append(" AND extra->>'owner' = \(owner)") }
        sql.append(" ORDER BY seq LIMIT \(size + 1)")
        let rows = try await store.perform("list clients") {
            try await store.database.query(sql).rows.map(OAuth2ClientRecord.init(row:))
        }
        let items = Array(rows.prefix(size))
        let next = rows.count > size ? items.last.map { KeysetPageToken.encode(after: $0.seq) } : nil
        return Page(items: items, nextPageToken: next)
    }

    /// Replaces a client's fields under a row lock; with `newSecret`, the old secret stops working at once.
    func replace(
        _ id: String, newSecret: String?,
        _ change: @Sendable (OAuth2ClientRecord) throws(IdentityError) -> OAuth2ClientFields
    ) async throws(IdentityError) -> (OAuth2ClientRecord, String?) {
        let newSecret = try Self.validated(secret: newSecret)
        defer { store.tokenCache.invalidate(clientID: id) }
        let newHash: String?
        if let newSecret { newHash = try await hasher.hash(newSecret) } else { newHash = nil }
        let record = try await store.perform("update client") {
            try await store.database.withTransaction { connection in
                let current = try await connection.query(
                    "SELECT \(OAuth2ClientRecord.columns) FROM oauth2_clients WHERE id = \(id) FOR UPDATE"
                ).first.map(OAuth2ClientRecord.init(row:))
                guard let current else { throw IdentityError(.notFound, "Unable to locate the resource") }
                let fields = try Self.validated(try change(current))
                var sql: SQL = """
                    UPDATE oauth2_clients SET name = \(fields.name), scope = \(fields.scope),
                        grant_types = \(fields.grantTypes), token_endpoint_auth_method = \(fields.tokenEndpointAuthMethod),
                        metadata = \(fields.metadata?.postgresJSON), identity_id = \(fields.identityID),
                        extra = \(JSONValue.object(fields.extra).postgresJSON)
                    """
                if let newHash {
                    sql.append(
                        ", secret_hash = \(newHash), secret_version = secret_version + 1, secret_rotated_at = now()")
                }
                sql.append(" WHERE id = \(id) RETURNING \(OAuth2ClientRecord.columns)")
                guard let row = try await connection.query(sql).first else {
                    throw IdentityError(.notFound, "Unable to locate the resource")
                }
                return try OAuth2ClientRecord(row: row)
            }
        }
        return (record, newSecret)
    }

    /// Applies Hydra's defaults and checks what the embedded issuer supports.
    static func validated(_ fields: OAuth2ClientFields) throws(IdentityError) -> OAuth2ClientFields {
        var fields = fields
        if fields.scope.trimmingCharacters(in: .whitespaces).isEmpty { fields.scope = defaultScope }
        if fields.grantTypes.isEmpty { fields.grantTypes = ["client_credentials"] }
        guard ["client_secret_post", "client_secret_basic"].contains(fields.tokenEndpointAuthMethod) else {
            throw IdentityError(
                .invalid, "token_endpoint_auth_method must be client_secret_post or client_secret_basic")
        }
        if let metadata = fields.metadata, metadata.objectValue == nil, !metadata.isNull {
            throw IdentityError(.invalid, "metadata must be a JSON object")
        }
        return fields
    }

    /// A given secret must be at least six characters (as Hydra requires); nil stays nil.
    static func validated(secret: String?) throws(IdentityError) -> String? {
        guard let secret else { return nil }
        guard secret.count >= 6 else { throw IdentityError(.invalid, "client_secret must be at least 6 characters") }
        return secret
    }
}
