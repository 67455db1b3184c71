import MoltCore

/// Keto's relation tuple and permission API (read and write): list tuples, create and delete them, check
/// permissions. Errors are ``OryError`` with the decoded `genericError`.
///
/// ```swift
/// let keto = OryAdminClient(endpoints: OryEndpoints(adminURL: "http://127.0.0.1:8001")).keto
/// try await keto.createRelationTuple(KetoRelationTuple(namespace: "Diary", object: diary, relation: "owner", subject: .id(agent)))
/// let canRead = try await keto.check(KetoRelationTuple(namespace: "Diary", object: diary, relation: "read", subject: .id(agent)))
/// ```
public struct KetoClient: Sendable {
    let read: OryService
    let write: OryService

    /// A page of the tuples matching `query`; follow ``OryPage/nextPageToken`` (Keto's default page is 100).
    /// - Remark: GET /relation-tuples (getRelationships)
    public func relationTuples(
        _ query: KetoRelationQuery = KetoRelationQuery(), pageSize: Int? = nil, pageToken: String? = nil
    ) async throws -> OryPage<KetoRelationTuple> {
        var items = query.queryItems
        if let pageSize { items.append(QueryItem("page_size", String(pageSize))) }
        if let pageToken { items.append(QueryItem("page_token", pageToken)) }
        let page = try await read.decode(KetoRelationTuples.self, .get, "/relation-tuples", query: items)
        return OryPage(
            items: page.relationTuples ?? [],
            nextPageToken: page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Writes a tuple (201, echoed back). Writing an existing tuple again is harmless.
    /// - Remark: PUT /admin/relation-tuples (createRelationship)
    @discardableResult
    public func createRelationTuple(_ tuple: KetoRelationTuple) async throws -> KetoRelationTuple {
        try await write.decode(KetoRelationTuple.self, .put, "/admin/relation-tuples", body: .json(tuple))
    }

    /// Deletes every tuple of `namespace` matching the other members (204); with only a namespace and an
    /// object, every tuple of that object.
    /// - Remark: DELETE /admin/relation-tuples (deleteRelationships)
    public func deleteRelationTuples(
        namespace: String, object: String? = nil, relation: String? = nil, subject: KetoSubject? = nil
    ) async throws {
        let query = KetoRelationQuery(namespace: namespace, object: object, relation: relation, subject: subject)
        _ = try await write.send(.delete, "/admin/relation-tuples", query: query.queryItems)
    }

    /// Whether the subject has the relation (or permission) on the object, directly or through subject sets
    /// and the namespace rules; an unknown object or subject is false.
    /// - Parameter maxDepth: how deep Keto may expand; the server's limit when nil.
    /// - Remark: GET /relation-tuples/check/openapi (checkPermission)
    public func check(_ tuple: KetoRelationTuple, maxDepth: Int? = nil) async throws -> Bool {
        var items = tuple.queryItems
        if let maxDepth { items.append(QueryItem("max-depth", String(maxDepth))) }
        return try await read.decode(CheckResult.self, .get, "/relation-tuples/check/openapi", query: items).allowed
    }

    private struct KetoRelationTuples: Decodable {
        let relationTuples: [KetoRelationTuple]?
        let nextPageToken: String?

        enum CodingKeys: String, CodingKey {
            case relationTuples = "relation_tuples"
            case nextPageToken = "next_page_token"
        }
    }

    private struct CheckResult: Decodable {
        let allowed: Bool
    }
}
