import MoltCore
public import Foundation

/// The `OAuth2Provider` speaking Ory Hydra's admin API (clients, introspection) and public API (token,
/// JWKS). Tokens are validated by introspection, remembered for up to 30 seconds (`IntrospectionCache`);
/// when a token's `ext` lacks the `moltnet:*` claims they are taken from its client's metadata, as the
/// reference's validator does.
public final class OryOAuth2Provider: OAuth2Provider {
    let admin: OryHTTPClient
    let publicAPI: OryHTTPClient
    let cache: IntrospectionCache
    let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - adminURL: Hydra's admin API (`ORY_HYDRA_ADMIN_URL`).
    ///   - publicURL: Hydra's public API (`ORY_HYDRA_PUBLIC_URL`, else the admin URL).
    public init(
        adminURL: String, publicURL: String? = nil, apiKey: String? = nil, cacheLifetime: TimeInterval = 30,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        admin = OryHTTPClient(baseURL: adminURL, apiKey: apiKey)
        publicAPI = OryHTTPClient(baseURL: publicURL ?? adminURL, apiKey: apiKey)
        cache = IntrospectionCache(lifetime: cacheLifetime)
        self.clock = clock
    }

    public func createClient(_ request: NewOAuth2Client) async throws(IdentityError) -> OAuth2Client {
        var members: [String: JSONValue] = [
            "client_name": .string(request.name), "grant_types": .strings(request.grantTypes),
            "response_types": .array([]), "token_endpoint_auth_method": .string(request.tokenEndpointAuthMethod),
            "scope": .string(request.scope), "metadata": request.metadata?.json ?? .null,
        ]
        if let id = request.id { members["client_id"] = .string(id) }
        if let secret = request.secret { members["client_secret"] = .string(secret) }
        let response = try await admin.send(.post, "/admin/clients", json: .object(members))
        guard response.status == 201 else { throw response.error("create client") }
        return try Self.client(response)
    }

    public func client(_ id: String) async throws(IdentityError) -> OAuth2Client? {
        try await document(id).flatMap(HydraClientJSON.client)
    }

    public func clients(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<OAuth2Client> {
        var query = [("page_size", String(pageSize))]
        if let pageToken { query.append(("page_token", pageToken)) }
        let response = try await admin.send(.get, "/admin/clients", query: query)
        guard response.status == 200, let items = response.json?.arrayValue else {
            throw response.error("list clients")
        }
        return Page(items: items.compactMap(HydraClientJSON.client), nextPageToken: response.nextPageToken)
    }

    /// Hydra cannot filter by metadata, so this pages through every client.
    public func clients(forIdentity identityID: UUID) async throws(IdentityError) -> [OAuth2Client] {
        var found: [OAuth2Client] = []
        var token: String?
        repeat {
            let page = try await clients(pageSize: 500, pageToken: token)
            found += page.items.filter { $0.metadata?.identityID == identityID }
            token = page.nextPageToken
        } while token != nil
        return found
    }

    public func updateClient(_ id: String, _ update: OAuth2ClientUpdate) async throws(IdentityError) -> OAuth2Client {
        guard case .object(var members)? = try await document(id) else {
            throw IdentityError(.notFound, "Unable to locate the resource")
        }
        if let name = update.name { members["client_name"] = .string(name) }
        if let scope = update.scope { members["scope"] = .string(scope) }
        if let metadata = update.metadata { members["metadata"] = metadata.json }
        members["client_secret"] = update.newSecret.map(JSONValue.string)
        let response = try await admin.send(
            .put, "/admin/clients/\(QueryEncoding.component(id))", json: .object(members))
        guard response.status == 200 else { throw response.error("update client") }
        var client = try Self.client(response)
        if let newSecret = update.newSecret { client.secret = newSecret }
        return client
    }

    public func deleteClient(_ id: String) async throws(IdentityError) {
        let response = try await admin.send(.delete, "/admin/clients/\(QueryEncoding.component(id))")
        guard response.status == 204 else { throw response.error("delete client") }
    }

    public func issueToken(clientID: String, clientSecret: String, scope: String?) async throws(IdentityError)
        -> AccessToken
    {
        var form = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret)]
        if let scope, !scope.isEmpty { form.append(("scope", scope)) }
        let response = try await publicAPI.send(.post, "/oauth2/token", form: form)
        guard response.status == 200 else {
            let code = response.json?["error"]?.stringValue
            let description = response.json?["error_description"]?.stringValue ?? "token request failed"
            if code == "invalid_scope" { throw IdentityError(.invalid, description) }
            throw IdentityError(
                response.status == 400 && code != "invalid_client" ? .invalid : .unauthorized, description)
        }
        guard let document = response.json, let token = document["access_token"]?.stringValue else {
            throw IdentityError(.unavailable, "Hydra's token response has no access_token")
        }
        return AccessToken(
            token: token, expiresIn: Int(document["expires_in"]?.integerValue ?? 3599),
            scope: document["scope"]?.stringValue ?? "")
    }

    public func introspect(_ token: String) async throws(IdentityError) -> TokenIntrospection {
        let now = clock()
        if let cached = cache.value(for: token, now: now) { return cached }
        let response = try await admin.send(.post, "/admin/oauth2/introspect", form: [("token", token)])
        guard response.status == 200, let document = response.json else { throw response.error("introspect") }
        var result = IntrospectionJSON.introspection(document)
        if let expiry = result.expiresAt, expiry <= now { result = .inactive }
        if result.active, result.identityID == nil || result.publicKey == nil || result.fingerprint == nil,
            let clientID = result.clientID, let metadata = try await client(clientID)?.metadata
        {
            result.identityID = result.identityID ?? metadata.identityID
            result.publicKey = result.publicKey ?? metadata.publicKey
            result.fingerprint = result.fingerprint ?? metadata.fingerprint
        }
        cache.store(result, for: token, now: now)
        return result
    }

    public func jsonWebKeys() async throws(IdentityError) -> [JSONWebKey] {
        let response = try await publicAPI.send(.get, "/.well-known/jwks.json")
        guard response.status == 200, let keys = response.json?["keys"]?.arrayValue else {
            throw response.error("jwks")
        }
        return keys.compactMap { key in
            guard let kid = key["kid"]?.stringValue, let kty = key["kty"]?.stringValue else { return nil }
            return JSONWebKey(
                kty: kty, crv: key["crv"]?.stringValue ?? "", x: key["x"]?.stringValue ?? "", kid: kid,
                alg: key["alg"]?.stringValue ?? "", use: key["use"]?.stringValue ?? "sig")
        }
    }

    private func document(_ id: String) async throws(IdentityError) -> JSONValue? {
        let response = try await admin.send(.get, "/admin/clients/\(QueryEncoding.component(id))")
        if response.status == 404 { return nil }
        guard response.status == 200 else { throw response.error("get client") }
        return response.json
    }

    private static func client(_ response: OryHTTPClient.Response) throws(IdentityError) -> OAuth2Client {
        guard let document = response.json, let client = HydraClientJSON.client(document) else {
            throw IdentityError(.unavailable, "Hydra returned a client without client_id")
        }
        return client
    }
}
