public import Foundation
import MoltCore
import Synchronization

/// The `IdentityProvider` speaking Ory Kratos's admin API (and its public `GET /schemas`).
///
/// Identities are created with the schema whose `$id` contains `agent` (looked up once, `moltnet_agent` when
/// none matches), the traits, a random password credential (Kratos requires one; nobody uses it) and the
/// fingerprint and key in `metadata_public`. Kratos chooses the id: `NewIdentity.id` is ignored.
public final class OryIdentityProvider: IdentityProvider {
    let admin: OryHTTPClient
    let publicAPI: OryHTTPClient
    private let schemaID = Mutex<String?>(nil)

    /// - Parameters:
    ///   - adminURL: Kratos's admin API (`ORY_KRATOS_ADMIN_URL`).
    ///   - publicURL: Kratos's public API, for `/schemas` (`ORY_KRATOS_PUBLIC_URL`, else the admin URL).
    public init(adminURL: String, publicURL: String? = nil, apiKey: String? = nil) {
        admin = OryHTTPClient(baseURL: adminURL, apiKey: apiKey)
        publicAPI = OryHTTPClient(baseURL: publicURL ?? adminURL, apiKey: apiKey)
    }

    public func createIdentity(_ request: NewIdentity) async throws(IdentityError) -> Identity {
        let body: JSONValue = .object([
            "schema_id": .string(try await agentSchemaID()),
            "state": .string(request.state.rawValue),
            "traits": .object([
                "public_key": .string(request.publicKey), "voucher_code": .string(request.voucherCode),
            ]),
            "metadata_public": .object([
                "fingerprint": .string(request.fingerprint), "public_key": .string(request.publicKey),
            ]),
            "credentials": .object([
                "password": .object([
                    "config": .object(["password": .string("moltnet-\(UUID().uuidString.lowercased())")])
                ])
            ]),
        ])
        let response = try await admin.send(.post, "/admin/identities", json: body)
        guard response.status == 201 else { throw response.error("create identity") }
        return try Self.identity(response)
    }

    public func identity(_ id: UUID) async throws(IdentityError) -> Identity? {
        let response = try await admin.send(.get, "/admin/identities/\(id.uuidString.lowercased())")
        if response.status == 404 { return nil }
        guard response.status == 200 else { throw response.error("get identity") }
        return try Self.identity(response)
    }

    public func identity(publicKey: String) async throws(IdentityError) -> Identity? {
        let response = try await admin.send(
            .get, "/admin/identities", query: [("credentials_identifier", publicKey), ("page_size", "1")])
        guard response.status == 200 else { throw response.error("find identity") }
        return response.json?.arrayValue?.first.flatMap(KratosIdentityJSON.identity)
    }

    public func identities(pageSize: Int, pageToken: String?) async throws(IdentityError) -> Page<Identity> {
        var query = [("page_size", String(pageSize))]
        if let pageToken { query.append(("page_token", pageToken)) }
        let response = try await admin.send(.get, "/admin/identities", query: query)
        guard response.status == 200, let items = response.json?.arrayValue else {
            throw response.error("list identities")
        }
        return Page(items: items.compactMap(KratosIdentityJSON.identity), nextPageToken: response.nextPageToken)
    }

    public func setState(_ id: UUID, _ state: IdentityState) async throws(IdentityError) -> Identity {
        let patch: JSONValue = .array([
            .object(["op": .string("replace"), "path": .string("/state"), "value": .string(state.rawValue)])
        ])
        let response = try await admin.send(.patch, "/admin/identities/\(id.uuidString.lowercased())", json: patch)
        guard response.status == 200 else { throw response.error("patch identity") }
        return try Self.identity(response)
    }

    public func deleteIdentity(_ id: UUID) async throws(IdentityError) {
        let response = try await admin.send(.delete, "/admin/identities/\(id.uuidString.lowercased())")
        guard response.status == 204 else { throw response.error("delete identity") }
    }

    public func createRecoveryCode(for id: UUID, expiresIn: Duration) async throws(IdentityError) -> RecoveryCode {
        let body: JSONValue = .object([
            "identity_id": .string(id.uuidString.lowercased()), "flow_type": .string("api"),
            "expires_in": .string("\(max(expiresIn.components.seconds, 1))s"),
        ])
        let response = try await admin.send(.post, "/admin/recovery/code", json: body)
        guard response.status == 201 || response.status == 200, let document = response.json,
            let code = document["recovery_code"]?.stringValue, let link = document["recovery_link"]?.stringValue
        else { throw response.error("create recovery code") }
        let expiresAt =
            document["expires_at"]?.stringValue.flatMap(ISO8601Timestamp.date(from:))
            ?? Date().addingTimeInterval(Double(expiresIn.components.seconds))
        return RecoveryCode(code: code, link: link, expiresAt: expiresAt)
    }

    /// The id of the schema whose `$id` contains `agent`, as the reference picks it.
    private func agentSchemaID() async throws(IdentityError) -> String {
        if let known = schemaID.withLock({ $0 }) { return known }
        let response = try await publicAPI.send(.get, "/schemas")
        guard response.status == 200 else { throw response.error("list identity schemas") }
        let schemas = response.json?.arrayValue ?? []
        let match = schemas.first { $0["schema"]?["$id"]?.stringValue?.contains("agent") == true }
        let id = match?["id"]?.stringValue ?? AgentIdentitySchema.id
        schemaID.withLock { $0 = id }
        return id
    }

    private static func identity(_ response: OryHTTPClient.Response) throws(IdentityError) -> Identity {
        guard let document = response.json, let identity = KratosIdentityJSON.identity(document) else {
            throw IdentityError(.unavailable, "Kratos returned an identity without id or traits")
        }
        return identity
    }
}
