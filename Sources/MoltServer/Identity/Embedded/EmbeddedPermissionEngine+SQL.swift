import MoltPostgres

extension EmbeddedPermissionEngine {
    /// Refuses tuples outside MoltNet's namespaces and relations (Keto refuses unknown namespaces too).
    static func validate(_ tuple: RelationTuple) throws(IdentityError) {
        guard let relations = PermissionRules.relations[tuple.namespace] else {
            throw IdentityError(.invalid, "Unknown namespace with name \"\(tuple.namespace)\"")
        }
        guard relations.contains(tuple.relation) else {
            throw IdentityError(
                .invalid, "Unknown relation \"\(tuple.relation)\" in namespace \"\(tuple.namespace)\"")
        }
        guard !tuple.object.isEmpty else { throw IdentityError(.invalid, "object must not be empty") }
        if case .id(let id) = tuple.subject, id.isEmpty {
            throw IdentityError(.invalid, "subject_id must not be empty")
        }
    }

    /// The four subject columns of a subject (NULL where they do not apply).
    static func columns(_ subject: RelationTuple.Subject?) -> (String?, String?, String?, String?) {
        switch subject {
        case .id(let id): (id, nil, nil, nil)
        case .set(let namespace, let object, let relation): (nil, namespace, object, relation)
        case nil: (nil, nil, nil, nil)
        }
    }

    /// A WHERE clause matching a query; nil fields match anything.
    static func filter(_ query: RelationQuery) -> SQL {
        var parts: [SQL] = ["true"]
        if let namespace = query.namespace { parts.append("namespace = \(namespace)") }
        if let object = query.object { parts.append("object = \(object)") }
        if let relation = query.relation { parts.append("relation = \(relation)") }
        switch query.subject {
        case .id(let id):
            parts.append("subject_id = \(id)")
        case .set(let namespace, let object, let relation):
            parts.append(
                """
                subject_set_namespace = \(namespace) AND subject_set_object = \(object)
                    AND subject_set_relation = \(relation)
                """)
        case nil:
            break
        }
        return SQL.joined(parts, separator: " AND ")
    }

    static func tuple(_ row: PostgresRow) throws -> RelationTuple {
        let subject: RelationTuple.Subject
        if let id = try row.decode("subject_id", as: String?.self) {
            subject = .id(id)
        } else {
            subject = .set(
                namespace: try row.decode("subject_set_namespace"), object: try row.decode("subject_set_object"),
                relation: try row.decode("subject_set_relation"))
        }
        return RelationTuple(
            namespace: try row.decode("namespace"), object: try row.decode("object"),
            relation: try row.decode("relation"), subject: subject)
    }
}

extension RelationQuery {
    /// A query matching exactly one tuple.
    init(_ tuple: RelationTuple) {
        self.init(namespace: tuple.namespace, object: tuple.object, relation: tuple.relation, subject: tuple.subject)
    }
}
