import Foundation
import MoltCore
import MoltServer

extension OryAdminFake {
    // MARK: Hydra

    func listClients(_ request: HTTPRequest) -> HTTPResponse {
        let name = request.query("client_name")
        let documents = state.withLock { $0.clients }.map(\.document).filter {
            name == nil || $0["client_name"]?.stringValue == name
        }.map { document -> JSONValue in
            var copy = document
            copy["client_secret"] = nil
            return .object(copy)
        }
        var response = Self.linkedPage(request, documents, defaultSize: 250)
        response.headers["X-Total-Count"] = String(documents.count)
        return response
    }

    func createClient(_ request: HTTPRequest) -> HTTPResponse {
        guard case .object(var document) = Self.body(request) ?? .null else {
            return Self.oauth2Error(400, "invalid_request", "The request body must be a client.")
        }
        let id = document["client_id"]?.stringValue ?? UUID().uuidString.lowercased()
        document["client_id"] = .string(id)
        document["client_secret"] = document["client_secret"] ?? "generated-secret-26-chars-x"
        document["token_endpoint_auth_method"] = document["token_endpoint_auth_method"] ?? "client_secret_basic"
        if document["scope"]?.stringValue?.isEmpty ?? true {
            document["scope"] = "diary:read diary:write crypto:sign agent:profile"
        }
        document["subject_type"] = "public"
        document["skip_consent"] = false
        document["jwks"] = [:]
        document["created_at"] = .string(Self.timestamp)
        document["updated_at"] = .string(Self.timestamp)
        state.withLock { $0.clients.append((id, document)) }
        var response = Self.json(.object(document), status: 201)
        response.headers["Location"] = "/admin/clients/\(id)"
        return response
    }

    func client(_ id: String) -> HTTPResponse {
        guard var document = state.withLock({ $0.clients.first { $0.id == id }?.document }) else {
            return Self.oauth2Error(404, "Unable to locate the resource", "")
        }
        document["client_secret"] = nil
        return Self.json(.object(document))
    }

    func replaceClient(_ id: String, _ request: HTTPRequest) -> HTTPResponse {
        guard case .object(var document) = Self.body(request) ?? .null else {
            return Self.oauth2Error(400, "invalid_request", "The request body must be a client.")
        }
        return state.withLock { state in
            guard let index = state.clients.firstIndex(where: { $0.id == id }) else {
                return Self.oauth2Error(404, "Unable to locate the resource", "")
            }
            document["client_id"] = .string(id)
            document["created_at"] = state.clients[index].document["created_at"]
            document["updated_at"] = .string(Self.timestamp)
            state.clients[index].document = document
            return Self.json(.object(document))
        }
    }

    func deleteClient(_ id: String) -> HTTPResponse {
        let removed = state.withLock { state in
            state.clients.firstIndex { $0.id == id }.map { state.clients.remove(at: $0) } != nil
        }
        return removed ? .empty() : Self.oauth2Error(404, "Unable to locate the resource", "")
    }

    func introspect(_ request: HTTPRequest) -> HTTPResponse {
        let form = FormURLEncoding.decode(String(decoding: request.body, as: UTF8.self))
        guard form.first(where: { $0.name == "token" })?.value == "ory_at_valid" else {
            return Self.json(["active": false])
        }
        return Self.json([
            "active": true, "client_id": "agent-client", "sub": "agent-client", "scope": "diary:read diary:write",
            "exp": 1_771_845_072, "iat": 1_771_841_472, "nbf": 1_771_841_472, "iss": "http://127.0.0.1:8000/",
            "aud": [], "token_type": "Bearer", "token_use": "access_token",
            "ext": [
                "moltnet:identity_id": "3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01",
                "moltnet:fingerprint": "21FE-31DF-A154-A261",
            ],
        ])
    }

    // MARK: Keto

    func listTuples(_ request: HTTPRequest) -> HTTPResponse {
        let namespace = request.query("namespace")
        if let namespace, !["Agent", "Diary", "DiaryEntry"].contains(namespace) {
            return Self.genericError(404, reason: "Unknown namespace with name \"\(namespace)\".")
        }
        let matches = state.withLock { $0.tuples }.filter { Self.matches($0, request.queryItems) }
        let size = request.query("page_size").flatMap(Int.init) ?? 100
        let offset = request.query("page_token").flatMap(Int.init) ?? 0
        let page = Array(matches.dropFirst(offset).prefix(size))
        let next = offset + size < matches.count ? String(offset + size) : ""
        return Self.json(["relation_tuples": .array(page.map(JSONValue.object)), "next_page_token": .string(next)])
    }

    func createTuple(_ request: HTTPRequest) -> HTTPResponse {
        guard case .object(let tuple) = Self.body(request) ?? .null,
            (tuple["subject_id"] == nil) != (tuple["subject_set"] == nil)
        else { return Self.genericError(400, reason: "subject is not allowed to be nil") }
        state.withLock { state in
            if !state.tuples.contains(tuple) { state.tuples.append(tuple) }
        }
        var response = Self.json(.object(tuple), status: 201)
        response.headers["Location"] = "/relation-tuples?" + (request.rawQuery ?? "")
        return response
    }

    func deleteTuples(_ request: HTTPRequest) -> HTTPResponse {
        guard request.query("namespace") != nil else {
            return Self.genericError(400, reason: "Namespace must be set.")
        }
        state.withLock { state in state.tuples.removeAll { Self.matches($0, request.queryItems) } }
        return .empty()
    }

    /// Direct membership, plus one hop through a subject set (enough for these tests).
    func check(_ request: HTTPRequest) -> HTTPResponse {
        let items = request.queryItems
        let tuples = state.withLock { $0.tuples }
        var allowed = tuples.contains { Self.matches($0, items) }
        if !allowed, let subject = request.query("subject_id") {
            allowed = tuples.contains { tuple in
                guard Self.matches(tuple, items.filter { !$0.name.hasPrefix("subject") }),
                    case .object(let set) = tuple["subject_set"] ?? .null
                else { return false }
                return tuples.contains {
                    $0["namespace"] == set["namespace"] && $0["object"] == set["object"]
                        && $0["subject_id"]?.stringValue == subject
                }
            }
        }
        return Self.json(["allowed": .bool(allowed)])
    }

    /// Whether a tuple has every member the query names (`subject_set.x` as the nested member).
    static func matches(_ tuple: [String: JSONValue], _ items: [(name: String, value: String)]) -> Bool {
        items.allSatisfy { item in
            switch item.name {
            case "namespace", "object", "relation", "subject_id": tuple[item.name]?.stringValue == item.value
            case let name where name.hasPrefix("subject_set."):
                tuple["subject_set"]?.member(String(name.dropFirst("subject_set.".count)))?.stringValue == item.value
            default: true
            }
        }
    }

    // MARK: Wire shapes

    static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, contentType: "application/json", bytes: Array((try? JSONCoding.encode(value)) ?? Data()))
    }

    static func body(_ request: HTTPRequest) -> JSONValue? {
        try? JSONCoding.decode(JSONValue.self, from: Data(request.body))
    }

    /// herodot's genericError with its fixed message for the status.
    static func genericError(_ status: Int, reason: String) -> HTTPResponse {
        let messages = [
            400: "The request was malformed or contained invalid parameters",
            404: "The requested resource could not be found",
            409: "The resource could not be created due to a conflict",
        ]
        let texts = [400: "Bad Request", 404: "Not Found", 409: "Conflict"]
        return json(
            [
                "error": [
                    "code": .number(Double(status)), "status": .string(texts[status] ?? "Error"),
                    "reason": .string(reason), "message": .string(messages[status] ?? "An error occurred"),
                ]
            ], status: status)
    }

    /// Hydra's errorOAuth2.
    static func oauth2Error(_ status: Int, _ error: String, _ description: String) -> HTTPResponse {
        json(["error": .string(error), "error_description": .string(description)], status: status)
    }

    /// A bare-array page with Kratos/Hydra's `Link` header (opaque tokens: base64 of the offset).
    static func linkedPage(_ request: HTTPRequest, _ items: [JSONValue], defaultSize: Int) -> HTTPResponse {
        let size = request.query("page_size").flatMap(Int.init) ?? defaultSize
        let offset =
            request.query("page_token").flatMap { Data(base64Encoded: $0) }
            .flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
        var response = json(.array(Array(items.dropFirst(offset).prefix(size))))
        let base = "http://127.0.0.1\(request.path)?page_size=\(size)&page_token="
        var links = ["<\(base)\(Data("0".utf8).base64EncodedString())>; rel=\"first\""]
        if offset + size < items.count {
            links.append("<\(base)\(Data(String(offset + size).utf8).base64EncodedString())>; rel=\"next\"")
        }
        response.headers["Link"] = links.joined(separator: ",")
        return response
    }
}

extension JSONValue {
    var objectMembers: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }
}
