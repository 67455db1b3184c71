import Foundation
import MoltCore

/// Hydra's admin OAuth2 client API and token introspection over the embedded OAuth2 provider. Errors use
/// `errorOAuth2`; `client_secret` is shown only by create and by a replace or patch that sets one.
struct HydraAdminController: Sendable {
    let oauth2: EmbeddedOAuth2Provider

    static let defaultPageSize = 250
    static let maximumPageSize = 1000

    func register(in router: inout Router) {
        router.add(.get, "/admin/clients", Self.handler(list))
        router.add(.post, "/admin/clients", Self.handler(create))
        router.add(.get, "/admin/clients/{id}", Self.handler(get))
        router.add(.put, "/admin/clients/{id}", Self.handler(replace))
        router.add(.patch, "/admin/clients/{id}", Self.handler(patch))
        router.add(.delete, "/admin/clients/{id}", Self.handler(delete))
        router.add(.post, "/admin/oauth2/introspect", Self.handler(introspect))
    }

    /// Wraps a handler so `IdentityError`s become `errorOAuth2` responses.
    static func handler(
        _ body: @escaping @Sendable (HTTPRequest, RequestContext) async throws(IdentityError) -> HTTPResponse
    ) -> Router.Handler {
        { request, context in
            do throws(IdentityError) {
                return try await body(request, context)
            } catch {
                return OryErrorResponse.oauth2(error)
            }
        }
    }

    /// - Remark: GET /admin/clients (listOAuth2Clients)
    func list(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let pageSize = KeysetPageToken.pageSize(
            try request.integerQuery("page_size"), default: Self.defaultPageSize, maximum: Self.maximumPageSize)
        let name = request.query("client_name").flatMap { $0.isEmpty ? nil : $0 }
        let owner = request.query("owner").flatMap { $0.isEmpty ? nil : $0 }
        let page = try await oauth2.records(
            pageSize: pageSize, pageToken: request.query("page_token"), name: name, owner: owner)
        var filters: [(String, String)] = []
        if let name { filters.append(("client_name", name)) }
        if let owner { filters.append(("owner", owner)) }
        var response = HTTPResponse.json(
            JSONValue.array(page.items.map { HydraClientJSON.document($0, secret: nil) }).encoded)
        response.headers["Link"] = PaginationLink.header(
            baseURL: request.oryBaseURL, path: "/admin/clients", pageSize: pageSize, filters: filters,
            next: page.nextPageToken)
        return response
    }

    /// - Remark: POST /admin/clients (createOAuth2Client)
    func create(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let wanted = try HydraClientJSON.request(try request.jsonBody())
        let (record, secret) = try await oauth2.create(id: wanted.id, secret: wanted.secret, wanted.fields)
        var response = HTTPResponse.json(HydraClientJSON.document(record, secret: secret).encoded, status: 201)
        response.headers["Location"] = "\(request.oryBaseURL)/admin/clients/\(QueryEncoding.component(record.id))"
        return response
    }

    /// - Remark: GET /admin/clients/{id} (getOAuth2Client)
    func get(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        guard let record = try await oauth2.record(context.parameters["id"] ?? "") else {
            throw IdentityError(.notFound, "Unable to locate the resource")
        }
        return .json(HydraClientJSON.document(record, secret: nil).encoded)
    }

    /// - Remark: PUT /admin/clients/{id} (setOAuth2Client): a full replace; a given `client_secret` replaces
    ///   the old one at once, an absent one keeps it.
    func replace(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let id = context.parameters["id"] ?? ""
        let wanted = try HydraClientJSON.request(try request.jsonBody())
        if let given = wanted.id, given != id {
            throw IdentityError(.invalid, "client_id in the body does not match the path")
        }
        let fields = wanted.fields
        let (record, secret) = try await oauth2.replace(id, newSecret: wanted.secret) { _ throws(IdentityError) in
            fields
        }
        return .json(HydraClientJSON.document(record, secret: secret).encoded)
    }

    /// - Remark: PATCH /admin/clients/{id} (patchOAuth2Client): a JSON Patch on the client document.
    func patch(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let id = context.parameters["id"] ?? ""
        let document = try request.jsonBody()
        let patch: JSONPatch
        do throws(JSONPatchError) {
            patch = try JSONPatch(document)
        } catch {
            throw IdentityError(.invalid, error.description)
        }
        guard let current = try await oauth2.record(id) else {
            throw IdentityError(.notFound, "Unable to locate the resource")
        }
        let patched: JSONValue
        do throws(JSONPatchError) {
            patched = try patch.apply(to: HydraClientJSON.patchable(current))
        } catch {
            throw IdentityError(.invalid, error.description)
        }
        let wanted = try HydraClientJSON.request(patched)
        guard wanted.id == id else { throw IdentityError(.invalid, "client_id cannot be changed") }
        let fields = wanted.fields
        let (record, secret) = try await oauth2.replace(id, newSecret: wanted.secret) { _ throws(IdentityError) in
            fields
        }
        return .json(HydraClientJSON.document(record, secret: secret).encoded)
    }

    /// - Remark: DELETE /admin/clients/{id} (deleteOAuth2Client)
    func delete(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        try await oauth2.deleteClient(context.parameters["id"] ?? "")
        return .empty()
    }

    /// - Remark: POST /admin/oauth2/introspect (introspectOAuth2Token): always 200; `{"active":false}` for a
    ///   token that is unknown, expired, tampered with, or lacks a requested scope.
    func introspect(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let form = request.formFields
        guard let token = form["token"], !token.isEmpty else {
            throw IdentityError(.invalid, "The request is missing the token parameter.")
        }
        guard let verified = try await oauth2.verify(token) else {
            return .json(JSONValue.object(["active": .bool(false)]).encoded)
        }
        let required = (form["scope"] ?? "").split(separator: " ").map(String.init)
        let granted = verified.claims["scp"]?.stringArray ?? []
        guard required.allSatisfy(granted.contains) else {
            return .json(JSONValue.object(["active": .bool(false)]).encoded)
        }
        return .json(IntrospectionJSON.document(verified).encoded)
    }
}

/// Hydra's `introspectedOAuth2Token` document for a verified token.
enum IntrospectionJSON {
    static func document(_ verified: EmbeddedOAuth2Provider.VerifiedToken) -> JSONValue {
        let claims = verified.claims
        var members: [String: JSONValue] = [
            "active": .bool(true),
            "client_id": claims["client_id"] ?? .null,
            "sub": claims["sub"] ?? .null,
            "scope": .string(verified.introspection.scope ?? ""),
            "exp": claims["exp"] ?? .null,
            "iat": claims["iat"] ?? .null,
            "nbf": claims["nbf"] ?? .null,
            "iss": claims["iss"] ?? .null,
            "aud": claims["aud"] ?? .array([]),
            "token_type": .string("Bearer"),
            "token_use": .string("access_token"),
            "ext": claims["ext"] ?? .object([:]),
        ]
        members = members.filter { !$0.value.isNull }
        return .object(members)
    }

    /// Reads an introspection document (from Hydra) into the protocol's value.
    static func introspection(_ document: JSONValue) -> TokenIntrospection {
        guard document["active"]?.boolValue == true else { return .inactive }
        let ext = document["ext"]
        let seconds = { (key: String) in document[key]?.integerValue.map { Date(timeIntervalSince1970: Double($0)) } }
        return TokenIntrospection(
            active: true, clientID: document["client_id"]?.stringValue, scope: document["scope"]?.stringValue,
            expiresAt: seconds("exp"), issuedAt: seconds("iat"),
            identityID: ext?["moltnet:identity_id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            publicKey: ext?["moltnet:public_key"]?.stringValue,
            fingerprint: ext?["moltnet:fingerprint"]?.stringValue)
    }
}
