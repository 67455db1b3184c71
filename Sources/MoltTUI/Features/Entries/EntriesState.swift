public import MoltCore

/// The entries of one diary: the pages loaded so far, the server-side type filter, paging.
public struct EntriesState: Equatable, Sendable {
    public var diary: DiaryCatalog
    public var list: ListState<DiaryEntry>
    /// Only entries of this type (asked of the server), or all.
    public var typeFilter: EntryType?
    /// The offset of the next page, or nil when the last page has been read.
    public var nextOffset: Int?
    public var isSaving: Bool

    public init(diary: DiaryCatalog) {
        self.diary = diary
        list = ListState()
        typeFilter = nil
        nextOffset = nil
        isSaving = false
    }

    /// Entries asked for per page.
    public static let pageSize = 50
}

/// What happens on the entries screen.
public enum EntriesMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<DiaryList, ConsoleFailure>, offset: Int)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case typeCycled
    case opened
    /// `n`, `e`, `u`: the inline editor.
    case editorOpened(EntryEditKind)
    /// `N`, `E`: `$EDITOR`.
    case externalEditorOpened(EntryEditKind)
    case externallyEdited(String?, EntryEditPurpose)
    case saved(Result<SavedEntry, ConsoleFailure>)
    case deleteRequested
    case deleteConfirmed(EntryID)
    case deleted(Result<EntryID, ConsoleFailure>)
    case reflectOpened
    case idCopied
}

/// Which edit a key asks for (the entry comes from the selection).
public enum EntryEditKind: Equatable, Sendable {
    case create, edit, supersede
}
