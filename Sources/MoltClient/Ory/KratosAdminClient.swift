public import Foundation
import MoltCore

/// Kratos's admin identity API (the subset MoltNet's server and console use): list, get, create, patch,
/// delete identities, recovery codes, and the public `GET /schemas`.
///
/// ```swift
/// let kratos = OryAdminClient(endpoints: OryEndpoints(adminURL: "http://127.0.0.1:8001")).kratos
/// var page = try await kratos.identities(pageSize: 100)
/// while let token = page.nextPageToken { page = try await kratos.identities(pageSize: 100, pageToken: token) }
/// ```
/// Errors are ``OryError`` with the decoded `genericError`.
public struct KratosAdminClient: Sendable {
    let admin: OryService
    let publicAPI: OryService

    /// A page of identities, oldest first; follow ``OryPage/nextPageToken``.
    /// - Parameters:
    ///   - pageSize: 1 to 500 (Kratos's default is 250).
    ///   - credentialsIdentifier: only the identity with this identifier (for MoltNet, the public key).
    ///   - ids: only these identities.
    /// - Remark: GET /admin/identities (listIdentities)
    public func identities(
        pageSize: Int? = nil, pageToken: String? = nil, credentialsIdentifier: String? = nil, ids: [UUID] = []
    ) async throws -> OryPage<KratosIdentity> {
        var query: [QueryItem] = []
        if let pageSize { query.append(QueryItem("page_size", String(pageSize))) }
        if let pageToken { query.append(QueryItem("page_token", pageToken)) }
        if let credentialsIdentifier { query.append(QueryItem("credentials_identifier", credentialsIdentifier)) }
        query += ids.map { QueryItem("ids", $0.uuidString.lowercased()) }
        return try await admin.linkedPage(KratosIdentity.self, "/admin/identities", query: query)
    }

    /// One identity, with the configuration of the named credential types (`password`) when asked.
    /// - Remark: GET /admin/identities/{id} (getIdentity)
    public func identity(_ id: UUID, includeCredentials: [String] = []) async throws -> KratosIdentity {
        try await admin.decode(
            KratosIdentity.self, .get, Self.path(id),
            query: includeCredentials.map { QueryItem("include_credential", $0) })
    }

    /// Creates an identity (201); a taken identifier is a 409.
    /// - Remark: POST /admin/identities (createIdentity)
    public func createIdentity(_ body: KratosCreateIdentity) async throws -> KratosIdentity {
        try await admin.decode(KratosIdentity.self, .post, "/admin/identities", body: .json(body))
    }

    /// Applies a JSON Patch (`/state`, `/traits`, `/metadata_public`, `/metadata_admin`).
    /// - Remark: PATCH /admin/identities/{id} (patchIdentity)
    public func patchIdentity(_ id: UUID, _ operations: [JSONPatchOperation]) async throws -> KratosIdentity {
        try await admin.decode(KratosIdentity.self, .patch, Self.path(id), body: .json(operations))
    }

    /// Activates or deactivates an identity (a JSON Patch replacing `/state`).
    /// - Remark: PATCH /admin/identities/{id} (patchIdentity)
    public func setState(_ state: KratosIdentityState, of id: UUID) async throws -> KratosIdentity {
        try await patchIdentity(id, [.replace("/state", with: .string(state.rawValue))])
    }

    /// Deletes an identity (204); an unknown one is a 404.
    /// - Remark: DELETE /admin/identities/{id} (deleteIdentity)
    public func deleteIdentity(_ id: UUID) async throws {
        _ = try await admin.send(.delete, Self.path(id))
    }

    /// A one-time recovery code and link for an identity (201).
    /// - Parameters:
    ///   - expiresIn: a Go duration (`1h`, `15m`); Kratos's configured lifespan when nil.
    ///   - flowType: `api` (MoltNet) or `browser`.
    /// - Remark: POST /admin/recovery/code (createRecoveryCodeForIdentity)
    public func createRecoveryCode(for id: UUID, expiresIn: String? = nil, flowType: String? = "api") async throws
        -> KratosRecoveryCode
    {
        var body: [String: JSONValue] = ["identity_id": .string(id.uuidString.lowercased())]
        if let expiresIn { body["expires_in"] = .string(expiresIn) }
        if let flowType { body["flow_type"] = .string(flowType) }
        return try await admin.decode(
            KratosRecoveryCode.self, .post, "/admin/recovery/code", body: .json(JSONValue.object(body)))
    }

    /// The identity schemas (MoltNet's agent schema has `agent` in its `$id`), from Kratos's public API.
    /// - Remark: GET /schemas (listIdentitySchemas)
    public func identitySchemas() async throws -> [KratosIdentitySchema] {
        try await publicAPI.decode([KratosIdentitySchema].self, .get, "/schemas")
    }

    private static func path(_ id: UUID) -> String {
        "/admin/identities/" + id.uuidString.lowercased()
    }
}
