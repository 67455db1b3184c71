public import MoltClient

/// The relation tuples screen's state: the query, the tuples read, the last permission check.
public struct RelationsState: Equatable, Sendable {
    public var query: KetoRelationQuery
    public var list: ListState<KetoRelationTuple>
    public var nextPage: String?
    public var form: FormState<RelationsForm>?
    /// The last check and its answer.
    public var lastCheck: PermissionCheck?
    public var isChecking: Bool

    public init(query: KetoRelationQuery = KetoRelationQuery()) {
        self.query = query
        list = ListState()
        nextPage = nil
        form = nil
        lastCheck = nil
        isChecking = false
    }
}

/// A permission check and Keto's answer.
public struct PermissionCheck: Equatable, Sendable {
    public var tuple: KetoRelationTuple
    public var allowed: Bool
}

/// What a relations form does.
public enum RelationsForm: Equatable, Sendable {
    case query, check
}

/// What happens on the relation tuples screen.
public enum RelationsMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<OryPage<KetoRelationTuple>, ConsoleFailure>, appending: Bool)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case queryRequested
    case checkRequested
    case formKey(Key)
    case checked(Result<Bool, ConsoleFailure>, KetoRelationTuple)
    case tupleCopied
}
