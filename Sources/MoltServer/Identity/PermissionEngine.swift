/// Relation tuples and permission checks for MoltNet's namespaces, as Ory Keto models them (spec §5.1).
///
/// Namespaces: `Agent` (relation `self`; permission `act_as`), `Diary` (relations `owner`, `writers`,
/// `readers`; permissions `read` = owner ∪ writers ∪ readers, `write` = owner ∪ writers, `manage` = owner),
/// `DiaryEntry` (relation `parent` → a Diary subject set; `view` = parent's read, `edit`/`delete` = parent's write).
/// Two implementations: embedded (a Postgres table, set semantics) and Keto's read/write APIs.
public protocol PermissionEngine: Sendable {
    /// Inserts tuples; inserting one that exists is a no-op.
    func write(_ tuples: [RelationTuple]) async throws(IdentityError)
    /// Deletes every tuple matching the query (`namespace` is required).
    func delete(_ query: RelationQuery) async throws(IdentityError)
    /// Whether `subjectID` has `permission` (or relation) on `namespace:object`.
    func check(namespace: String, object: String, permission: String, subjectID: String) async throws(IdentityError)
        -> Bool
    /// Every object of `namespace` on which `subjectID` has `permission` (or relation), sorted: for example the
    /// diaries an agent may read, to scope a search.
    func objects(namespace: String, permission: String, subjectID: String) async throws(IdentityError) -> [String]
    /// One page of tuples matching the query.
    func tuples(_ query: RelationQuery, pageSize: Int, pageToken: String?) async throws(IdentityError)
        -> Page<RelationTuple>
}

/// A relation tuple `namespace:object#relation@subject`.
public struct RelationTuple: Sendable, Hashable, CustomStringConvertible {
    public var namespace: String
    public var object: String
    public var relation: String
    public var subject: Subject

    /// The subject of a tuple: an id, or the members of another object's relation.
    public enum Subject: Sendable, Hashable {
        case id(String)
        case set(namespace: String, object: String, relation: String)
    }

    public init(namespace: String, object: String, relation: String, subject: Subject) {
        self.namespace = namespace
        self.object = object
        self.relation = relation
        self.subject = subject
    }

    /// Keto's string form: `ns:obj#rel@subject`, a subject set as `ns:obj#rel` (or `ns:obj` for an empty relation).
    public var description: String {
        let subjectText: String
        switch subject {
        case .id(let id): subjectText = id
        case .set(let namespace, let object, let relation):
            subjectText = relation.isEmpty ? "\(namespace):\(object)" : "\(namespace):\(object)#\(relation)"
        }
        return "\(namespace):\(object)#\(relation)@\(subjectText)"
    }
}

/// A filter over tuples; nil fields match anything.
public struct RelationQuery: Sendable, Hashable {
    public var namespace: String?
    public var object: String?
    public var relation: String?
    public var subject: RelationTuple.Subject?

    public init(
        namespace: String? = nil, object: String? = nil, relation: String? = nil, subject: RelationTuple.Subject? = nil
    ) {
        self.namespace = namespace
        self.object = object
        self.relation = relation
        self.subject = subject
    }
}
