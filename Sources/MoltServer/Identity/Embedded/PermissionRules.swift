/// MoltNet's permission model (the reference's OPL in `infra/ory/permissions.ts`, spec §5.1), hard-coded.
///
/// - `Agent`: relation `self`; permission `act_as` = self.
/// - `Diary`: relations `owner`, `writers`, `readers`; `read` = owner ∪ writers ∪ readers,
///   `write` = owner ∪ writers, `manage` = owner.
/// - `DiaryEntry`: relation `parent` (a subject set naming a Diary, relation ignored); `view` = the parent
///   diary's `read`, `edit` and `delete` = the parent diary's `write`.
public enum PermissionRules {
    /// How a permission is decided.
    public enum Rule: Sendable, Equatable {
        /// The subject is listed directly under one of these relations of the object.
        case anyOf([String])
        /// The object's `via` relation names a subject set `namespace:object`; the subject needs `permission`
        /// there (Keto's tuple-to-subject-set, ignoring the set's relation).
        case traverse(via: String, namespace: String, permission: String)
    }

    /// The relations each namespace stores.
    public static let relations: [String: [String]] = [
        "Agent": ["self"],
        "Diary": ["owner", "writers", "readers"],
        "DiaryEntry": ["parent"],
    ]

    /// The namespaces, sorted.
    public static var namespaces: [String] { relations.keys.sorted() }

    /// The rule deciding `permission` (or a relation checked directly) in `namespace`; nil when unknown.
    public static func rule(namespace: String, permission: String) -> Rule? {
        switch (namespace, permission) {
        case ("Agent", "act_as"): .anyOf(["self"])
        case ("Diary", "read"): .anyOf(["owner", "writers", "readers"])
        case ("Diary", "write"): .anyOf(["owner", "writers"])
        case ("Diary", "manage"): .anyOf(["owner"])
        case ("DiaryEntry", "view"): .traverse(via: "parent", namespace: "Diary", permission: "read")
        case ("DiaryEntry", "edit"), ("DiaryEntry", "delete"):
            .traverse(via: "parent", namespace: "Diary", permission: "write")
        default:
            relations[namespace]?.contains(permission) == true ? .anyOf([permission]) : nil
        }
    }

    /// The relations of a namespace that direct membership in which grants `permission`, following one
    /// traversal: for `DiaryEntry#view` these are the Diary relations granting `read`.
    static func directRelations(_ rule: Rule) -> [String] {
        switch rule {
        case .anyOf(let relations): relations
        case .traverse(_, let namespace, let permission):
            if case .anyOf(let relations) = self.rule(namespace: namespace, permission: permission) {
                relations
            } else {
                []
            }
        }
    }
}
