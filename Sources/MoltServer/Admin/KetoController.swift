import MoltCore
import Foundation

/// Keto's read and write APIs over the embedded permission engine. Errors use herodot's `genericError`.
struct KetoController: Sendable {
    let permissions: EmbeddedPermissionEngine

    static let defaultPageSize = 100
    static let maximumPageSize = 1000
    /// The query parameters a tuple filter may carry.
    static let filterKeys: Set<String> = [
        "namespace", "object", "relation", "subject_id", "subject_set.namespace", "subject_set.object",
        "subject_set.relation",
    ]

    func register(in router: inout Router) {
        let handler = KratosAdminController.handler
        router.add(.get, "/relation-tuples", handler(list))
        router.add(.put, "/admin/relation-tuples", handler(create))
        router.add(.delete, "/admin/relation-tuples", handler(delete))
        router.add(.patch, "/admin/relation-tuples", handler(patch))
        router.add(
            .get, "/relation-tuples/check/openapi",
            handler { request, _ throws(IdentityError) in
                try await check(try query(request), orError: false)
            })
        router.add(
            .post, "/relation-tuples/check/openapi",
            handler { request, _ throws(IdentityError) in
                try await check(try KetoTupleJSON.tuple(try request.jsonBody()), orError: false)
            })
        router.add(
            .get, "/relation-tuples/check",
            handler { request, _ throws(IdentityError) in
                try await check(try query(request), orError: true)
            })
        router.add(
            .post, "/relation-tuples/check",
            handler { request, _ throws(IdentityError) in
                try await check(try KetoTupleJSON.tuple(try request.jsonBody()), orError: true)
            })
        router.add(.post, "/relation-tuples/batch/check", handler(batchCheck))
        router.add(.get, "/namespaces", handler(namespaces))
    }

    /// - Remark: GET /relation-tuples (getRelationships)
    func list(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let query = try KetoTupleJSON.query(request.query)
        if let namespace = query.namespace, PermissionRules.relations[namespace] == nil {
            throw IdentityError(.notFound, "Unknown namespace with name \"\(namespace)\"")
        }
        let pageSize = KeysetPageToken.pageSize(
            try request.integerQuery("page_size"), default: Self.defaultPageSize, maximum: Self.maximumPageSize)
        let page = try await permissions.tuples(query, pageSize: pageSize, pageToken: request.query("page_token"))
        return .json(
            JSONValue.object([
                "relation_tuples": .array(page.items.map(KetoTupleJSON.document)),
                "next_page_token": .string(page.nextPageToken ?? ""),
            ]).encoded)
    }

    /// - Remark: PUT /admin/relation-tuples (createRelationship): 201 even when the tuple already existed.
    func create(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        let tuple = try KetoTupleJSON.tuple(try request.jsonBody())
        try await permissions.write([tuple])
        var response = HTTPResponse.json(KetoTupleJSON.document(tuple).encoded, status: 201)
        response.headers["Location"] =
            "/relation-tuples?" + QueryEncoding.query(KetoTupleJSON.queryItems(RelationQuery(tuple)))
        return response
    }

    /// - Remark: DELETE /admin/relation-tuples (deleteRelationships): `namespace` is required, other keys
    ///   and a body are refused.
    func delete(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        guard request.body.isEmpty else { throw IdentityError(.invalid, "a DELETE takes no body") }
        if let unknown = request.queryItems.first(where: { !Self.filterKeys.contains($0.name) }) {
            throw IdentityError(.invalid, "unknown query parameter \(unknown.name)")
        }
        let query = try KetoTupleJSON.query(request.query)
        guard query.namespace != nil else { throw IdentityError(.invalid, "Namespace must be set") }
        try await permissions.delete(query)
        return .empty()
    }

    /// - Remark: PATCH /admin/relation-tuples (patchRelationships): every change or none.
    func patch(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        guard let items = try request.jsonBody().arrayValue else {
            throw IdentityError(.invalid, "the body must be an array of patches")
        }
        var changes: [(insert: Bool, tuple: RelationTuple)] = []
        for item in items {
            let action = item["action"]?.stringValue
            guard action == "insert" || action == "delete", let document = item["relation_tuple"] else {
                throw IdentityError(.invalid, "each patch needs action insert or delete and a relation_tuple")
            }
            changes.append((action == "insert", try KetoTupleJSON.tuple(document)))
        }
        try await permissions.apply(changes)
        return .empty()
    }

    /// - Remark: POST /relation-tuples/batch/check (batchCheckPermission)
    func batchCheck(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        guard let items = try request.jsonBody()["tuples"]?.arrayValue else {
            throw IdentityError(.invalid, "the body needs a tuples array")
        }
        var results: [JSONValue] = []
        for item in items {
            do throws(IdentityError) {
                let allowed = try await allowed(try KetoTupleJSON.tuple(item))
                results.append(.object(["allowed": .bool(allowed)]))
            } catch {
                results.append(.object(["allowed": .bool(false), "error": .string(error.message)]))
            }
        }
        return .json(JSONValue.object(["results": .array(results)]).encoded)
    }

    /// - Remark: GET /namespaces (listRelationshipNamespaces)
    func namespaces(_ request: HTTPRequest, _ context: RequestContext) async throws(IdentityError) -> HTTPResponse {
        .json(
            JSONValue.object([
                "namespaces": .array(PermissionRules.namespaces.map { .object(["name": .string($0)]) })
            ]).encoded)
    }

    /// The tuple a check asks about, from query parameters.
    private func query(_ request: HTTPRequest) throws(IdentityError) -> RelationTuple {
        let query = try KetoTupleJSON.query(request.query)
        guard let namespace = query.namespace, let object = query.object, let relation = query.relation else {
            throw IdentityError(.invalid, "namespace, object and relation are required")
        }
        guard let subject = query.subject else { throw IdentityError(.invalid, "subject is not allowed to be nil") }
        return RelationTuple(namespace: namespace, object: object, relation: relation, subject: subject)
    }

    private func allowed(_ tuple: RelationTuple) async throws(IdentityError) -> Bool {
        try await permissions.check(
            namespace: tuple.namespace, object: tuple.object, permission: tuple.relation, subject: tuple.subject)
    }

    /// `{"allowed":…}`: always 200, or 403 when denied for the `…OrError` variants.
    private func check(_ tuple: RelationTuple, orError: Bool) async throws(IdentityError) -> HTTPResponse {
        let allowed = try await allowed(tuple)
        return .json(
            JSONValue.object(["allowed": .bool(allowed)]).encoded, status: !allowed && orError ? 403 : 200)
    }
}
