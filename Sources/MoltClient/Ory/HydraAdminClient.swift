public import MoltCore

/// Hydra's admin API (the subset MoltNet uses): OAuth2 clients (list, get, create, replace, delete) and
/// token introspection. Errors are ``OryError`` with the decoded `errorOAuth2`.
///
/// ```swift
/// let hydra = OryAdminClient(endpoints: OryEndpoints(adminURL: "http://127.0.0.1:8001")).hydra
/// let created = try await hydra.createClient(HydraOAuth2Client(
///     clientName: "Agent: 21FE-31DF-A154-A261", grantTypes: ["client_credentials"],
///     tokenEndpointAuthMethod: "client_secret_post", scope: ""))
/// let token = try await hydra.introspect(token: accessToken)
/// ```
public struct HydraAdminClient: Sendable {
    let admin: OryService

    /// A page of clients; follow ``OryPage/nextPageToken`` (never build tokens: Hydra's format changed).
    /// - Parameters:
    ///   - pageSize: 1 to 1000 (Hydra's default is 250).
    ///   - clientName: only clients with this exact name.
    ///   - owner: only clients of this owner.
    /// - Remark: GET /admin/clients (listOAuth2Clients)
    public func clients(
        pageSize: Int? = nil, pageToken: String? = nil, clientName: String? = nil, owner: String? = nil
    ) async throws -> OryPage<HydraOAuth2Client> {
        var query: [QueryItem] = []
        if let pageSize { query.append(QueryItem("page_size", String(pageSize))) }
        if let pageToken { query.append(QueryItem("page_token", pageToken)) }
        if let clientName { query.append(QueryItem("client_name", clientName)) }
        if let owner { query.append(QueryItem("owner", owner)) }
        return try await admin.linkedPage(HydraOAuth2Client.self, "/admin/clients", query: query)
    }

    /// One client, without its secret.
    /// - Remark: GET /admin/clients/{id} (getOAuth2Client)
    public func client(_ id: String) async throws -> HydraOAuth2Client {
        try await admin.decode(HydraOAuth2Client.self, .get, Self.path(id))
    }

    /// Creates a client (201); the answer holds the secret, the only time it is shown unless a PUT sets one.
    /// - Remark: POST /admin/clients (createOAuth2Client)
    public func createClient(_ client: HydraOAuth2Client) async throws -> HydraOAuth2Client {
        try await admin.decode(HydraOAuth2Client.self, .post, "/admin/clients", body: .json(client))
    }

    /// Replaces a client (all its members, so start from ``client(_:)``); a new `clientSecret` takes effect
    /// at once and the old one stops working.
    /// - Throws: ``MoltClientError`` when the client has no `clientId`; ``OryError``.
    /// - Remark: PUT /admin/clients/{id} (setOAuth2Client)
    public func updateClient(_ client: HydraOAuth2Client) async throws -> HydraOAuth2Client {
        guard let id = client.clientId, !id.isEmpty else {
            throw MoltClientError(
                .unencodableRequest(type: "HydraOAuth2Client without client_id"), method: .put,
                path: "/admin/clients/{id}")
        }
        return try await admin.decode(HydraOAuth2Client.self, .put, Self.path(id), body: .json(client))
    }

    /// Deletes a client (204).
    /// - Remark: DELETE /admin/clients/{id} (deleteOAuth2Client)
    public func deleteClient(_ id: String) async throws {
        _ = try await admin.send(.delete, Self.path(id))
    }

    /// What Hydra knows about an access token; `active` is false for an unknown or expired one.
    /// - Parameters:
    ///   - token: the access token (sent in the form body, never logged).
    ///   - scope: scopes the token must have, space-separated.
    /// - Remark: POST /admin/oauth2/introspect (introspectOAuth2Token)
    public func introspect(token: Secret<String>, scope: String? = nil) async throws -> HydraIntrospectedToken {
        var form = [QueryItem("token", token.value)]
        if let scope { form.append(QueryItem("scope", scope)) }
        return try await admin.decode(HydraIntrospectedToken.self, .post, "/admin/oauth2/introspect", body: .form(form))
    }

    private static func path(_ id: String) -> String {
        "/admin/clients/" + OryService.segment(id)
    }
}
