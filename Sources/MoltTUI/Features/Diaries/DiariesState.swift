public import MoltCore

/// The Diaries screen's state: the agent's diaries, an open form (create, rename, visibility), and
/// whether a change is in flight.
public struct DiariesState: Equatable, Sendable {
    public var list: ListState<DiaryCatalog>
    public var form: FormState<DiaryForm>?
    public var isSaving: Bool

    public init() {
        list = ListState(sort: TableSort(column: 2, ascending: false))
        form = nil
        isSaving = false
    }
}

/// What a Diaries form does when submitted.
public enum DiaryForm: Equatable, Sendable {
    case create
    case rename(DiaryID)
    case visibility(DiaryID)
}

/// What happens on the Diaries screen.
public enum DiariesMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<[DiaryCatalog], ConsoleFailure>)
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    /// `enter`: the diary's entries.
    case opened
    case createRequested
    case renameRequested
    case visibilityRequested
    case formKey(Key)
    case saved(Result<DiaryCatalog, ConsoleFailure>, verb: String)
    case deleteRequested
    case deleteConfirmed(DiaryID)
    case deleted(Result<DiaryID, ConsoleFailure>)
    case sharesOpened
    case reflectOpened
    case idCopied
}
