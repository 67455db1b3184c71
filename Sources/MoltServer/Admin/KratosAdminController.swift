import Foundation
import MoltCore

/// Kratos's admin identity API (and its public `GET /schemas`) over the embedded identity provider.
/// Errors use herodot's `genericError`.
struct KratosAdminController: Sendable {
    let identities: EmbeddedIdentityProvider

    static let defaultPageSize = 250
    static let maximumPageSize = 500
    /// Paths a JSON Patch may touch (Kratos refuses `/id`, `/credentials`, `/state_changed_at` and the like).
    static let patchableFields: Set<String> = ["state", "traits", "metadata_public", "metadata_admin"]

    func register(in router: inout Router) {
        router.add(.get, "/admin/identities", Self.handler(list))
        router.add(.post, "/admin/identities", Self.handler(create))
        router.add(.get, "/admin/identities/{id}", Self.handler(get))
        router.add(.put, "/admin/identities/{id}", Self.handler(replace))
        router.add(.patch, "/admin/identities/{id}", Self.handler(patch))
        router.add(.delete, "/admin/identities/{id}", Self.handler(delete))
        router.add(.post, "/admin/recovery/code", Self.handler(createRecoveryCode))
        router.add(.get, "/schemas", Self.handler(schemas))
        router.add(.get, "/schemas/{id}", Self.handler(schema))
    }

    /// Wraps a handler so `IdentityError`s become `genericError` responses.
    static func handler(
        _ body: @escaping @Sendable (HTTPRequest, RequestContext) async throws(IdentityError) -> HTTPResponse
    ) -> Router.Handler {
        { request, context in
            do throws(IdentityError) {
                return try await body(request, context)
            } catch {
                return OryErrorResponse.generic(error)
            }
        }
    }

    /// - Remark: GET /admin/identities (listIdentities)
    func list(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let pageSize = KeysetPageToken.pageSize(
            try request.integerQuery("page_size"), default: Self.defaultPageSize, maximum: Self.maximumPageSize)
        var filters: [(String, String)] = []
        let identifier = request.query("credentials_identifier").flatMap { $0.isEmpty ? nil : $0 }
        if let identifier { filters.append(("credentials_identifier", identifier)) }
        let idTexts = request.queryValues("ids")
        let ids = idTexts.isEmpty ? nil : idTexts.compactMap(UUID.init(uuidString:))
        filters += idTexts.map { ("ids", $0) }
        let page = try await identities.records(
            pageSize: pageSize, pageToken: request.query("page_token"),
            publicKey: identifier.map { (try? Ed25519PublicKey(parsing: $0).wireValue) ?? $0 }, ids: ids)
        let base = request.oryBaseURL
        var response = HTTPResponse.json(
            JSONValue.array(
                page.items.map { KratosIdentityJSON.document($0, baseURL: base, includeCredentials: false) }
            ).encoded)
        response.headers["Link"] = PaginationLink.header(
            baseURL: base, path: "/admin/identities", pageSize: pageSize, filters: filters, next: page.nextPageToken)
        return response
    }

    /// - Remark: POST /admin/identities (createIdentity)
    func create(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let body = try request.jsonBody()
        let changes = try Self.changes(from: body, requireState: false)
        let record = try await identities.create(id: nil, changes)
        let base = request.oryBaseURL
        var response = HTTPResponse.json(
            KratosIdentityJSON.document(record, baseURL: base, includeCredentials: true).encoded, status: 201)
        response.headers["Location"] = "\(base)/admin/identities/\(record.identity.id.uuidString.lowercased())"
        return response
    }

    /// - Remark: GET /admin/identities/{id} (getIdentity)
    func get(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let record = try await existing(context)
        return .json(
            KratosIdentityJSON.document(record, baseURL: request.oryBaseURL, includeCredentials: true).encoded)
    }

    /// - Remark: PUT /admin/identities/{id} (updateIdentity)
    func replace(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let id = try Self.identityID(context)
        let changes = try Self.changes(from: try request.jsonBody(), requireState: true)
        let record = try await identities.update(id) { _ throws(IdentityError) in changes }
        return .json(
            KratosIdentityJSON.document(record, baseURL: request.oryBaseURL, includeCredentials: true).encoded)
    }

    /// - Remark: PATCH /admin/identities/{id} (patchIdentity)
    func patch(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let id = try Self.identityID(context)
        let document = try request.jsonBody()
        let patch: JSONPatch
        do throws(JSONPatchError) {
            patch = try JSONPatch(document)
        } catch {
            throw IdentityError(.invalid, error.description)
        }
        for path in patch.touchedPaths {
            let field = (try? JSONPatch.tokens(path).first) ?? nil
            guard let field, Self.patchableFields.contains(field) else {
                throw IdentityError(.invalid, "patching \(path) is not allowed")
            }
        }
        let record = try await identities.update(id) { current throws(IdentityError) in
            let view = Self.patchable(current)
            let patched: JSONValue
            do throws(JSONPatchError) {
                patched = try patch.apply(to: view)
            } catch {
                throw IdentityError(.invalid, error.description)
            }
            return try Self.changes(from: patched, requireState: true)
        }
        return .json(
            KratosIdentityJSON.document(record, baseURL: request.oryBaseURL, includeCredentials: true).encoded)
    }

    /// - Remark: DELETE /admin/identities/{id} (deleteIdentity)
    func delete(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        try await identities.deleteIdentity(try Self.identityID(context))
        return .empty()
    }

    /// - Remark: POST /admin/recovery/code (createRecoveryCodeForIdentity)
    func createRecoveryCode(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError)
        -> HTTPResponse
    {
        let body = try request.jsonBody()
        guard let id = body["identity_id"]?.stringValue.flatMap(UUID.init(uuidString:)) else {
            throw IdentityError(.invalid, "identity_id must be a UUID")
        }
        var lifetime = Duration.seconds(3600)
        if let text = body["expires_in"]?.stringValue, !text.isEmpty {
            guard let parsed = GoDuration.parse(text), parsed > .zero else {
                throw IdentityError(.invalid, "expires_in must be a duration such as 1h or 30m")
            }
            lifetime = parsed
        }
        guard try await identities.identity(id) != nil else {
            throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())")
        }
        let code = try await identities.createRecoveryCode(for: id, expiresIn: lifetime)
        return .json(
            JSONValue.object([
                "recovery_code": .string(code.code), "recovery_link": .string(code.link),
                "expires_at": .string(ISO8601Timestamp.string(from: code.expiresAt)),
            ]).encoded, status: 201)
    }

    /// - Remark: GET /schemas (listIdentitySchemas)
    func schemas(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        .json(
            JSONValue.array([
                .object(["id": .string(AgentIdentitySchema.id), "schema": AgentIdentitySchema.document])
            ]).encoded)
    }

    /// - Remark: GET /schemas/{id} (getIdentitySchema); the id may be base64url-encoded as in `schema_url`.
    func schema(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let given = context.parameters["id"] ?? ""
        let decoded = Base64.decodeURL(given).map { String(decoding: $0, as: UTF8.self) }
        guard given == AgentIdentitySchema.id || decoded == AgentIdentitySchema.id else {
            throw IdentityError(.notFound, "no identity schema \(given)")
        }
        return .json(AgentIdentitySchema.document.encoded)
    }

    private func existing(_ context: RequestContext) async throws(IdentityError) -> IdentityRecord {
        let id = try Self.identityID(context)
        guard let record = try await identities.record(id) else {
            throw IdentityError(.notFound, "no identity \(id.uuidString.lowercased())")
        }
        return record
    }

    /// The `{id}` parameter; an id that is not a UUID names no identity (404, as Kratos answers).
    static func identityID(_ context: RequestContext) throws(IdentityError) -> UUID {
        guard let id = context.parameters["id"].flatMap(UUID.init(uuidString:)) else {
            throw IdentityError(.notFound, "no such identity")
        }
        return id
    }

    /// The part of an identity a JSON Patch edits.
    static func patchable(_ record: IdentityRecord) -> JSONValue {
        .object([
            "schema_id": .string(record.identity.schemaID),
            "state": .string(record.identity.state.rawValue),
            "traits": .object([
                "public_key": .string(record.identity.publicKey),
                "voucher_code": .string(record.identity.voucherCode),
            ]),
            "metadata_public": record.metadataPublic ?? .null,
            "metadata_admin": record.metadataAdmin ?? .null,
        ])
    }

    /// Reads schema_id, traits, state and metadata from a create/update body (or a patched view).
    static func changes(from body: JSONValue, requireState: Bool) throws(IdentityError) -> IdentityChanges {
        guard body.objectValue != nil else { throw IdentityError(.invalid, "the request body must be an object") }
        guard body["schema_id"]?.stringValue == AgentIdentitySchema.id else {
            throw IdentityError(.invalid, "schema_id must be \(AgentIdentitySchema.id)")
        }
        let traits = try AgentIdentitySchema.traits(body["traits"])
        let state: IdentityState
        if let text = body["state"]?.stringValue {
            guard let parsed = IdentityState(rawValue: text) else {
                throw IdentityError(.invalid, "state must be active or inactive")
            }
            state = parsed
        } else if requireState {
            throw IdentityError(.invalid, "state must be active or inactive")
        } else {
            state = .active
        }
        let metadataPublic = body["metadata_public"].flatMap { $0.isNull ? nil : $0 }
        return IdentityChanges(
            traits: traits, state: state,
            metadataPublic: metadataPublic ?? (requireState ? nil : IdentityChanges.defaultMetadataPublic(traits)),
            metadataAdmin: body["metadata_admin"].flatMap { $0.isNull ? nil : $0 })
    }
}
