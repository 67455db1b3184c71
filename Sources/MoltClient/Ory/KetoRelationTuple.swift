public import MoltCore

/// A Keto relation tuple (`relationship`): `namespace:object#relation@subject`, where the subject is an id
/// or a subject set (`namespace:object#relation`; the relation may be empty, as in MoltNet's
/// `DiaryEntry:<e>#parent@Diary:<d>#`).
public struct KetoRelationTuple: Codable, Sendable, Hashable, CustomStringConvertible {
    public var namespace: String
    public var object: String
    public var relation: String
    public var subject: KetoSubject

    public init(namespace: String, object: String, relation: String, subject: KetoSubject) {
        self.namespace = namespace
        self.object = object
        self.relation = relation
        self.subject = subject
    }

    /// `Diary:<d>#owner@<agent>` or `DiaryEntry:<e>#parent@Diary:<d>#`.
    public var description: String { "\(namespace):\(object)#\(relation)@\(subject)" }

    /// The tuple as query parameters (`namespace`, `object`, `relation`, `subject_id` or
    /// `subject_set.namespace`/`.object`/`.relation`).
    public var queryItems: [QueryItem] {
        [QueryItem("namespace", namespace), QueryItem("object", object), QueryItem("relation", relation)]
            + subject.queryItems
    }

    private enum CodingKeys: String, CodingKey {
        case namespace, object, relation
        case subjectID = "subject_id"
        case subjectSet = "subject_set"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        namespace = try container.decode(String.self, forKey: .namespace)
        object = try container.decode(String.self, forKey: .object)
        relation = try container.decode(String.self, forKey: .relation)
        if let id = try container.decodeIfPresent(String.self, forKey: .subjectID) {
            subject = .id(id)
        } else {
            let set = try container.decode(SubjectSet.self, forKey: .subjectSet)
            subject = .set(namespace: set.namespace, object: set.object, relation: set.relation)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(object, forKey: .object)
        try container.encode(relation, forKey: .relation)
        switch subject {
        case .id(let id):
            try container.encode(id, forKey: .subjectID)
        case .set(let namespace, let object, let relation):
            try container.encode(
                SubjectSet(namespace: namespace, object: object, relation: relation), forKey: .subjectSet)
        }
    }

    struct SubjectSet: Codable, Hashable {
        let namespace: String
        let object: String
        let relation: String
    }
}

/// The subject of a relation tuple: an id, or the members of another tuple's relation.
public enum KetoSubject: Sendable, Hashable, CustomStringConvertible {
    case id(String)
    case set(namespace: String, object: String, relation: String)

    /// The id, or `namespace:object#relation`.
    public var description: String {
        switch self {
        case .id(let id): id
        case .set(let namespace, let object, let relation): "\(namespace):\(object)#\(relation)"
        }
    }

    /// `subject_id`, or the flattened `subject_set.*` parameters.
    public var queryItems: [QueryItem] {
        switch self {
        case .id(let id):
            [QueryItem("subject_id", id)]
        case .set(let namespace, let object, let relation):
            [
                QueryItem("subject_set.namespace", namespace), QueryItem("subject_set.object", object),
                QueryItem("subject_set.relation", relation),
            ]
        }
    }
}

/// Which relation tuples to list or delete: every member is optional and they combine with AND (Keto
/// requires `namespace` to delete).
public struct KetoRelationQuery: Sendable, Hashable {
    public var namespace: String?
    public var object: String?
    public var relation: String?
    public var subject: KetoSubject?

    public init(namespace: String? = nil, object: String? = nil, relation: String? = nil, subject: KetoSubject? = nil) {
        self.namespace = namespace
        self.object = object
        self.relation = relation
        self.subject = subject
    }

    /// The set members as query parameters.
    public var queryItems: [QueryItem] {
        [
            namespace.map { QueryItem("namespace", $0) }, object.map { QueryItem("object", $0) },
            relation.map { QueryItem("relation", $0) },
        ].compactMap { $0 } + (subject?.queryItems ?? [])
    }
}
