public import Foundation
public import MoltCore
public import MoltPostgres

/// Keto's relation tuples and checks on MoltNet's own database (table `relation_tuples`, set semantics):
/// the default `PermissionEngine`. Checks follow `PermissionRules`; each is one indexed query.
///
/// Subject sets are stored and listed like Keto stores them, but only `DiaryEntry#parent` is traversed by
/// checks (the one subject set MoltNet writes); other subject sets are not expanded.
public final class EmbeddedPermissionEngine: PermissionEngine {
    let store: EmbeddedStore

    public convenience init(
        database: PostgresPool, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = .disabled
    ) {
        self.init(store: EmbeddedStore(database: database, clock: clock, logger: logger))
    }

    init(store: EmbeddedStore) {
        self.store = store
    }

    public func write(_ tuples: [RelationTuple]) async throws(IdentityError) {
        try await apply(tuples.map { (insert: true, tuple: $0) })
    }

    /// Inserts and deletes tuples in one transaction (Keto's `PATCH /admin/relation-tuples`).
    public func apply(_ changes: [(insert: Bool, tuple: RelationTuple)]) async throws(IdentityError) {
        for change in changes where change.insert { try Self.validate(change.tuple) }
        guard !changes.isEmpty else { return }
        try await store.perform("write tuples") {
            try await store.database.withTransaction { connection in
                for change in changes {
                    let tuple = change.tuple
                    let (subjectID, setNamespace, setObject, setRelation) = Self.columns(tuple.subject)
                    if change.insert {
                        try await connection.query(
                            """
                            INSERT INTO relation_tuples (namespace, object, relation, subject_id,
                                subject_set_namespace, subject_set_object, subject_set_relation)
                            VALUES (\(tuple.namespace), \(tuple.object), \(tuple.relation), \(subjectID),
                                \(setNamespace), \(setObject), \(setRelation))
                            ON CONFLICT DO NOTHING
                            """)
                    } else {
                        try await connection.query(
                            "DELETE FROM relation_tuples WHERE \(Self.filter(RelationQuery(tuple)))")
                    }
                }
            }
        }
    }

    public func delete(_ query: RelationQuery) async throws(IdentityError) {
        guard query.namespace != nil else { throw IdentityError(.invalid, "Namespace must be set") }
        try await store.perform("delete tuples") {
            try await store.database.query("DELETE FROM relation_tuples WHERE \(Self.filter(query))")
        }
    }

    public func check(namespace: String, object: String, permission: String, subjectID: String)
        async throws(IdentityError) -> Bool
    {
        try await check(namespace: namespace, object: object, permission: permission, subject: .id(subjectID))
    }

    /// A check whose subject may also be a subject set (allowed when that set is stored under a relation that
    /// grants the permission directly).
    public func check(namespace: String, object: String, permission: String, subject: RelationTuple.Subject)
        async throws(IdentityError) -> Bool
    {
        guard let rule = PermissionRules.rule(namespace: namespace, permission: permission) else { return false }
        let (subjectID, setNamespace, setObject, setRelation) = Self.columns(subject)
        let sql: SQL
        switch rule {
        case .anyOf(let relations):
            sql = """
                SELECT EXISTS (SELECT 1 FROM relation_tuples WHERE namespace = \(namespace) AND object = \(object)
                    AND relation = ANY(\(relations)) AND subject_id IS NOT DISTINCT FROM \(subjectID)
                    AND subject_set_namespace IS NOT DISTINCT FROM \(setNamespace)
                    AND subject_set_object IS NOT DISTINCT FROM \(setObject)
                    AND subject_set_relation IS NOT DISTINCT FROM \(setRelation)) AS allowed
                """
        case .traverse(let via, let targetNamespace, _):
            guard let subjectID else { return false }
            sql = """
                SELECT EXISTS (SELECT 1 FROM relation_tuples link JOIN relation_tuples grant_
                    ON grant_.namespace = link.subject_set_namespace AND grant_.object = link.subject_set_object
                    WHERE link.namespace = \(namespace) AND link.object = \(object) AND link.relation = \(via)
                        AND link.subject_set_namespace = \(targetNamespace)
                        AND grant_.relation = ANY(\(PermissionRules.directRelations(rule)))
                        AND grant_.subject_id = \(subjectID)) AS allowed
                """
        }
        return try await store.perform("check") {
            try await store.database.query(prepared: sql).first?.decode("allowed", as: Bool.self) ?? false
        }
    }

    public func objects(namespace: String, permission: String, subjectID: String) async throws(IdentityError)
        -> [String]
    {
        guard let rule = PermissionRules.rule(namespace: namespace, permission: permission) else { return [] }
        let relations = PermissionRules.directRelations(rule)
        let sql: SQL
        switch rule {
        case .anyOf:
            sql = """
                SELECT DISTINCT object FROM relation_tuples WHERE subject_id = \(subjectID)
                    AND namespace = \(namespace) AND relation = ANY(\(relations)) ORDER BY object
                """
        case .traverse(let via, let targetNamespace, _):
            sql = """
                SELECT DISTINCT link.object FROM relation_tuples grant_ JOIN relation_tuples link
                    ON link.subject_set_namespace = grant_.namespace AND link.subject_set_object = grant_.object
                    WHERE grant_.subject_id = \(subjectID) AND grant_.namespace = \(targetNamespace)
                        AND grant_.relation = ANY(\(relations)) AND link.namespace = \(namespace)
                        AND link.relation = \(via)
                    ORDER BY link.object
                """
        }
        return try await store.perform("list objects") {
            try await store.database.query(sql).rows.map { try $0.decode("object", as: String.self) }
        }
    }

    public func tuples(_ query: RelationQuery, pageSize: Int, pageToken: String?) async throws(IdentityError)
        -> Page<RelationTuple>
    {
        let after = try KeysetPageToken.decode(pageToken)
        let size = max(pageSize, 1)
        let rows = try await store.perform("list tuples") {
            try await store.database.query(
                """
                SELECT seq, namespace, object, relation, subject_id, subject_set_namespace, subject_set_object,
                    subject_set_relation
                FROM relation_tuples WHERE seq > \(after) AND \(Self.filter(query)) ORDER BY seq LIMIT \(size + 1)
                """
            ).rows.map { row in (seq: try row.decode("seq", as: Int64.self), tuple: try Self.tuple(row)) }
        }
        let items = Array(rows.prefix(size))
        let next = rows.count > size ? items.last.map { KeysetPageToken.encode(after: $0.seq) } : nil
        return Page(items: items.map(\.tuple), nextPageToken: next)
    }
}
