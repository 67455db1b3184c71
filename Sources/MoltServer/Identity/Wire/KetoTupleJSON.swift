import MoltCore

/// Keto's relationship JSON (`{"namespace","object","relation","subject_id"}` or with `subject_set`) and its
/// flattened query-string form (`subject_set.namespace`, …).
enum KetoTupleJSON {
    static func document(_ tuple: RelationTuple) -> JSONValue {
        var members: [String: JSONValue] = [
            "namespace": .string(tuple.namespace), "object": .string(tuple.object),
            "relation": .string(tuple.relation),
        ]
        switch tuple.subject {
        case .id(let id):
            members["subject_id"] = .string(id)
        case .set(let namespace, let object, let relation):
            members["subject_set"] = .object([
                "namespace": .string(namespace), "object": .string(object), "relation": .string(relation),
            ])
        }
        return .object(members)
    }

    /// Reads a relationship document.
    /// - Throws: `.invalid` for missing fields or a subject that is neither (or both) an id and a set.
    static func tuple(_ document: JSONValue) throws(IdentityError) -> RelationTuple {
        guard let namespace = document["namespace"]?.stringValue, let object = document["object"]?.stringValue,
            let relation = document["relation"]?.stringValue
        else { throw IdentityError(.invalid, "namespace, object and relation are required") }
        let subject = try subject(id: document["subject_id"], set: document["subject_set"])
        guard let subject else { throw IdentityError(.invalid, "subject is not allowed to be nil") }
        return RelationTuple(namespace: namespace, object: object, relation: relation, subject: subject)
    }

    private static func subject(id: JSONValue?, set: JSONValue?) throws(IdentityError) -> RelationTuple.Subject? {
        let id = id.flatMap { $0.isNull ? nil : $0 }
        let set = set.flatMap { $0.isNull ? nil : $0 }
        switch (id, set) {
        case (nil, nil):
            return nil
        case (let id?, nil):
            guard let text = id.stringValue else { throw IdentityError(.invalid, "subject_id must be a string") }
            return .id(text)
        case (nil, let set?):
            guard let namespace = set["namespace"]?.stringValue, let object = set["object"]?.stringValue,
                let relation = set["relation"]?.stringValue
            else { throw IdentityError(.invalid, "subject_set needs namespace, object and relation") }
            return .set(namespace: namespace, object: object, relation: relation)
        default:
            throw IdentityError(.invalid, "subject_id and subject_set are mutually exclusive")
        }
    }

    /// The query parameters of a filter (the tuple query-string form).
    static func queryItems(_ query: RelationQuery) -> [(String, String)] {
        var items: [(String, String)] = []
        if let namespace = query.namespace { items.append(("namespace", namespace)) }
        if let object = query.object { items.append(("object", object)) }
        if let relation = query.relation { items.append(("relation", relation)) }
        switch query.subject {
        case .id(let id): items.append(("subject_id", id))
        case .set(let namespace, let object, let relation):
            items += [
                ("subject_set.namespace", namespace), ("subject_set.object", object),
                ("subject_set.relation", relation),
            ]
        case nil: break
        }
        return items
    }

    /// Reads a filter from query parameters.
    /// - Throws: `.invalid` when a subject set is only partly given or both subject forms are.
    static func query(_ lookup: (String) -> String?) throws(IdentityError) -> RelationQuery {
        let setParts = ["subject_set.namespace", "subject_set.object", "subject_set.relation"].map(lookup)
        let subject: RelationTuple.Subject?
        if setParts.allSatisfy({ $0 == nil }) {
            subject = lookup("subject_id").map(RelationTuple.Subject.id)
        } else if let namespace = setParts[0], let object = setParts[1], let relation = setParts[2] {
            guard lookup("subject_id") == nil else {
                throw IdentityError(.invalid, "subject_id and subject_set are mutually exclusive")
            }
            subject = .set(namespace: namespace, object: object, relation: relation)
        } else {
            throw IdentityError(.invalid, "incomplete subject set: namespace, object and relation are required")
        }
        return RelationQuery(
            namespace: lookup("namespace"), object: lookup("object"), relation: lookup("relation"), subject: subject)
    }
}
