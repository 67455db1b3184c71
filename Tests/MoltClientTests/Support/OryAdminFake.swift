import Foundation
import MoltCore
import MoltServer
import Synchronization

/// A scripted stand-in for an Ory admin listener (Kratos, Hydra and Keto on one address), answering with
/// the shapes `shared/notes/ory.md` documents: bare arrays with `Link` headers (Kratos, Hydra),
/// `next_page_token` envelopes (Keto), 201/204 statuses, `genericError` for Kratos and Keto, `errorOAuth2`
/// for Hydra. It keeps what it is given in memory, in insertion order.
final class OryAdminFake: Sendable {
    struct State {
        var identities: [(id: String, document: [String: JSONValue])] = []
        var clients: [(id: String, document: [String: JSONValue])] = []
        var tuples: [[String: JSONValue]] = []
    }

    let state = Mutex(State())
    /// Go's RFC 3339 with nanoseconds, as Kratos and Hydra write times.
    static let timestamp = "2026-02-23T10:11:12.345678901Z"

    var handler: HTTPServer.Handler {
        { [self] request in route(request) }
    }

    private func route(_ request: HTTPRequest) -> HTTPResponse {
        let method = request.methodName
        switch (method, request.path) {
        case ("GET", "/admin/identities"): return listIdentities(request)
        case ("POST", "/admin/identities"): return createIdentity(request)
        case ("POST", "/admin/recovery/code"): return recoveryCode(request)
        case ("GET", "/schemas"):
            return Self.json(
                [
                    [
                        "id": "moltnet_agent",
                        "schema": ["$id": "https://schemas.themolt.net/agent.json", "type": "object"],
                    ]
                ])
        case ("GET", "/admin/clients"): return listClients(request)
        case ("POST", "/admin/clients"): return createClient(request)
        case ("POST", "/admin/oauth2/introspect"): return introspect(request)
        case ("GET", "/relation-tuples"): return listTuples(request)
        case ("PUT", "/admin/relation-tuples"): return createTuple(request)
        case ("DELETE", "/admin/relation-tuples"): return deleteTuples(request)
        case ("GET", "/relation-tuples/check/openapi"): return check(request)
        default: break
        }
        if let id = Self.parameter(request.path, after: "/admin/identities/") {
            switch method {
            case "GET": return identity(id, request)
            case "PATCH": return patchIdentity(id, request)
            case "DELETE": return deleteIdentity(id)
            default: break
            }
        }
        if let id = Self.parameter(request.path, after: "/admin/clients/") {
            switch method {
            case "GET": return client(id)
            case "PUT": return replaceClient(id, request)
            case "DELETE": return deleteClient(id)
            default: break
            }
        }
        return Self.genericError(404, reason: "no route \(method) \(request.path)")
    }

    /// The last segment of `path` when it is `prefix` plus one segment.
    static func parameter(_ path: String, after prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.contains("/") ? nil : String(rest).removingPercentEncoding
    }

    // MARK: Kratos

    private func listIdentities(_ request: HTTPRequest) -> HTTPResponse {
        let identifier = request.query("credentials_identifier")
        let ids = Set(request.queryItems.filter { $0.name == "ids" }.map(\.value))
        let all = state.withLock { $0.identities }.filter { entry in
            (identifier == nil || entry.document["traits"]?.member("public_key")?.stringValue == identifier)
                && (ids.isEmpty || ids.contains(entry.id))
        }
        var documents = all.map(\.document)
        for index in documents.indices { documents[index]["credentials"] = nil }
        return Self.linkedPage(request, documents.map(JSONValue.object), defaultSize: 250)
    }

    private func createIdentity(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = Self.body(request), case .object(let traits) = body.member("traits") ?? .null,
            let key = traits["public_key"]?.stringValue, body.member("schema_id")?.stringValue == "moltnet_agent"
        else { return Self.genericError(400, reason: "traits do not match the schema") }
        let id = UUID().uuidString.lowercased()
        let document: [String: JSONValue] = [
            "id": .string(id), "schema_id": "moltnet_agent",
            "schema_url": "http://127.0.0.1/schemas/bW9sdG5ldF9hZ2VudA", "state": body.member("state") ?? "active",
            "state_changed_at": .string(Self.timestamp), "traits": .object(traits), "verifiable_addresses": [],
            "recovery_addresses": [], "metadata_public": body.member("metadata_public") ?? .null,
            "metadata_admin": body.member("metadata_admin") ?? .null, "organization_id": .null,
            "created_at": .string(Self.timestamp), "updated_at": .string(Self.timestamp),
            "credentials": [
                "password": [
                    "type": "password", "identifiers": [.string(key)], "version": 0,
                    "created_at": .string(Self.timestamp), "updated_at": .string(Self.timestamp),
                ]
            ],
        ]
        let conflict = state.withLock { state -> Bool in
            if state.identities.contains(where: { $0.document["traits"]?.member("public_key")?.stringValue == key }) {
                return true
            }
            state.identities.append((id, document))
            return false
        }
        if conflict {
            return Self.genericError(409, reason: "This identity conflicts with another identity that already exists.")
        }
        var response = Self.json(.object(document), status: 201)
        response.headers["Location"] = "http://127.0.0.1/admin/identities/\(id)"
        return response
    }

    private func identity(_ id: String, _ request: HTTPRequest) -> HTTPResponse {
        guard var document = state.withLock({ $0.identities.first { $0.id == id }?.document }) else {
            return Self.genericError(404, reason: "Unable to locate the resource")
        }
        if request.query("include_credential") == "password",
            var password = document["credentials"]?.member("password")?.objectMembers
        {
            password["config"] = ["hashed_password": "$argon2id$v=19$m=65536,t=3,p=4$…"]
            document["credentials"] = ["password": .object(password)]
        }
        return Self.json(.object(document))
    }

    private func patchIdentity(_ id: String, _ request: HTTPRequest) -> HTTPResponse {
        guard case .array(let operations) = Self.body(request) ?? .null else {
            return Self.genericError(400, reason: "the body must be a JSON Patch")
        }
        return state.withLock { state in
            guard let index = state.identities.firstIndex(where: { $0.id == id }) else {
                return Self.genericError(404, reason: "Unable to locate the resource")
            }
            for operation in operations {
                guard operation.member("op")?.stringValue == "replace",
                    let path = operation.member("path")?.stringValue,
                    ["/state", "/metadata_public", "/metadata_admin"].contains(path)
                else { return Self.genericError(400, reason: "patching that path is not allowed") }
                state.identities[index].document[String(path.dropFirst())] = operation.member("value") ?? .null
            }
            return Self.json(.object(state.identities[index].document))
        }
    }

    private func deleteIdentity(_ id: String) -> HTTPResponse {
        let removed = state.withLock { state in
            state.identities.firstIndex { $0.id == id }.map { state.identities.remove(at: $0) } != nil
        }
        return removed ? .empty() : Self.genericError(404, reason: "Unable to locate the resource")
    }

    private func recoveryCode(_ request: HTTPRequest) -> HTTPResponse {
        let id = Self.body(request)?.member("identity_id")?.stringValue ?? ""
        guard state.withLock({ $0.identities.contains { $0.id == id } }) else {
            return Self.genericError(404, reason: "The requested identity does not exist")
        }
        return Self.json(
            [
                "recovery_code": "123456", "recovery_link": "http://127.0.0.1/self-service/recovery?flow=f-1",
                "expires_at": .string(Self.timestamp),
            ], status: 201)
    }
}
