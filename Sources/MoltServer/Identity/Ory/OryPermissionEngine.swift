import MoltCore

/// The `PermissionEngine` speaking Ory Keto's read API (checks, tuple lists) and write API (create, delete,
/// patch). The permission rules live in Keto's OPL; `objects` lists tuples per relation and follows
/// `DiaryEntry#parent` itself.
public final class OryPermissionEngine: PermissionEngine {
    let readAPI: OryHTTPClient
    let writeAPI: OryHTTPClient

    /// - Parameters:
    ///   - readURL: Keto's read API (`ORY_KETO_READ_URL`).
    ///   - writeURL: Keto's write API (`ORY_KETO_WRITE_URL`).
    public init(readURL: String, writeURL: String, apiKey: String? = nil) {
        readAPI = OryHTTPClient(baseURL: readURL, apiKey: apiKey)
        writeAPI = OryHTTPClient(baseURL: writeURL, apiKey: apiKey)
    }

    public func write(_ tuples: [RelationTuple]) async throws(IdentityError) {
        if tuples.count == 1, let tuple = tuples.first {
            let response = try await writeAPI.send(.put, "/admin/relation-tuples", json: KetoTupleJSON.document(tuple))
            guard response.status == 201 || response.status == 200 else { throw response.error("create tuple") }
        } else if !tuples.isEmpty {
            let patch: JSONValue = .array(
                tuples.map { .object(["action": .string("insert"), "relation_tuple": KetoTupleJSON.document($0)]) })
            let response = try await writeAPI.send(.patch, "/admin/relation-tuples", json: patch)
            guard response.status == 204 || response.status == 200 else { throw response.error("patch tuples") }
        }
    }

    public func delete(_ query: RelationQuery) async throws(IdentityError) {
        guard query.namespace != nil else { throw IdentityError(.invalid, "Namespace must be set") }
        let response = try await writeAPI.send(
            .delete, "/admin/relation-tuples", query: KetoTupleJSON.queryItems(query))
        guard response.status == 204 || response.status == 200 else { throw response.error("delete tuples") }
    }

    public func check(namespace: String, object: String, permission: String, subjectID: String)
        async throws(IdentityError) -> Bool
    {
        let response = try await readAPI.send(
            .get, "/relation-tuples/check/openapi",
            query: [("namespace", namespace), ("object", object), ("relation", permission), ("subject_id", subjectID)])
        guard response.status == 200 || response.status == 403 else { throw response.error("check") }
        return response.json?["allowed"]?.boolValue ?? false
    }

    public func objects(namespace: String, permission: String, subjectID: String) async throws(IdentityError)
        -> [String]
    {
        guard let rule = PermissionRules.rule(namespace: namespace, permission: permission) else { return [] }
        switch rule {
        case .anyOf(let relations):
            var objects = Set<String>()
            for relation in relations {
                let query = RelationQuery(namespace: namespace, relation: relation, subject: .id(subjectID))
                for tuple in try await all(query) { objects.insert(tuple.object) }
            }
            return objects.sorted()
        case .traverse(let via, let targetNamespace, let targetPermission):
            var objects = Set<String>()
            let parents = try await self.objects(
                namespace: targetNamespace, permission: targetPermission, subjectID: subjectID)
            for parent in parents {
                let query = RelationQuery(
                    namespace: namespace, relation: via,
                    subject: .set(namespace: targetNamespace, object: parent, relation: ""))
                for tuple in try await all(query) { objects.insert(tuple.object) }
            }
            return objects.sorted()
        }
    }

    public func tuples(_ query: RelationQuery, pageSize: Int, pageToken: String?) async throws(IdentityError)
        -> Page<RelationTuple>
    {
        var items = KetoTupleJSON.queryItems(query) + [("page_size", String(pageSize))]
        if let pageToken { items.append(("page_token", pageToken)) }
        let response = try await readAPI.send(.get, "/relation-tuples", query: items)
        guard response.status == 200, let document = response.json else { throw response.error("list tuples") }
        var tuples: [RelationTuple] = []
        for item in document["relation_tuples"]?.arrayValue ?? [] { tuples.append(try KetoTupleJSON.tuple(item)) }
        let next = document["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return Page(items: tuples, nextPageToken: next)
    }

    private func all(_ query: RelationQuery) async throws(IdentityError) -> [RelationTuple] {
        var found: [RelationTuple] = []
        var token: String?
        repeat {
            let page = try await tuples(query, pageSize: 1000, pageToken: token)
            found += page.items
            token = page.nextPageToken
        } while token != nil
        return found
    }
}
