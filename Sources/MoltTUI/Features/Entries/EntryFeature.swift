import Foundation
public import MoltCore

/// One entry, opened from its diary: facts on top, the content wrapped and scrolled below.
public struct EntryState: Equatable, Sendable {
    public var diary: DiaryCatalog
    public var entry: DiaryEntry
    public var scroll: ScrollPosition
    public var isLoading: Bool
    public var isSaving: Bool

    public init(diary: DiaryCatalog, entry: DiaryEntry) {
        self.diary = diary
        self.entry = entry
        scroll = ScrollPosition()
        isLoading = false
        isSaving = false
    }
}

/// What happens on an entry's screen.
public enum EntryMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<DiaryEntry, ConsoleFailure>)
    case navigated(Navigation)
    case editorOpened(EntryEditKind)
    case externalEditorOpened
    case externallyEdited(String?)
    case saved(Result<SavedEntry, ConsoleFailure>)
    case deleteRequested
    case deleteConfirmed
    case deleted(Result<EntryID, ConsoleFailure>)
    case contentCopied
}

/// An entry's screen: title, type, importance, tags, injection risk, access count, dates, what supersedes
/// it, then the content. `e`/`E` edit (inline, `$EDITOR`), `u` supersedes, `D` deletes (confirmed), `y`
/// copies the content.
public struct EntryFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    public func title(_ state: EntryState) -> String {
        TextLayout.truncate(EntriesFeature.heading(state.entry), toWidth: 30)
    }

    public func bindings(_ state: EntryState, _ context: FeatureContext) -> [KeyBinding<EntryMessage>] {
        KeyBinding.navigation { EntryMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("e")], "edit (inline editor)", footer: "edit", isMutating: true,
                    message: .editorOpened(.edit)),
                KeyBinding([.character("E")], "edit in $EDITOR", isMutating: true, message: .externalEditorOpened),
                KeyBinding(
                    [.character("u")], "supersede: write the entry that replaces it", footer: "supersede",
                    isMutating: true, message: .editorOpened(.supersede)),
                .delete("the entry", message: .deleteRequested),
                .copy("the content", message: .contentCopied),
            ]
    }

    public func update(_ state: inout EntryState, _ message: EntryMessage, _ context: FeatureContext)
        -> [Effect<EntryMessage>]
    {
        let service = service
        let diaryID = state.diary.id
        let entryID = state.entry.id
        switch message {
        case .refreshRequested:
            state.isLoading = true
            return [.call("load", { try await service.entry(entryID, in: diaryID) }, then: EntryMessage.loaded)]
        case .loaded(.success(let entry)):
            state.isLoading = false
            state.entry = entry
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.isLoading = false
            return Effect.report(failure)
        case .navigated(let navigation):
            let inside = Self.layout(Rect(size: context.bodySize)).content.insetBy(dx: 2, dy: 1)
            let lines = Self.text(state).lineCount(width: inside.width)
            state.scroll.navigate(navigation, lineCount: lines, pageSize: inside.height)
            return []
        case .editorOpened(let kind):
            let purpose: EntryEditPurpose = kind == .supersede ? .supersede(state.entry) : .edit(state.entry)
            return [.command(.push(.entryEditor(EntryEditorState(diary: state.diary, purpose: purpose))))]
        case .externalEditorOpened:
            return [
                .command(
                    .editExternally(
                        text: EntryDraft(state.entry).editorText, suffix: ".md", then: EntryMessage.externallyEdited))
            ]
        case .externallyEdited(nil):
            return [.info("Nothing saved", detail: "the editor failed or the file was empty")]
        case .externallyEdited(let text?):
            let draft = EntryDraft(editorText: text, base: EntryDraft(state.entry))
            if let problem = draft.problem(visibility: state.diary.visibility) {
                return [.command(.flash(.problem(title: "Entry not saved", detail: problem)))]
            }
            state.isSaving = true
            let entry = state.entry
            return [
                .call("save", { try await service.save(draft, .edit(entry), in: diaryID) }, then: EntryMessage.saved)
            ]
        case .saved(.success(let saved)):
            state.isSaving = false
            state.entry = saved.entry
            return [.reachable, .success("\(saved.verb) \(EntriesFeature.heading(saved.entry))")]
        case .saved(.failure(let failure)), .deleted(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        case .deleteRequested:
            return [
                .command(
                    .confirm(
                        ConfirmRequest(
                            title: "Delete entry?",
                            body: "This entry will be deleted for everyone who can read the diary.",
                            confirmLabel: "Delete", isDestructive: true, message: .deleteConfirmed)))
            ]
        case .deleteConfirmed:
            state.isSaving = true
            return [
                .call(
                    "delete",
                    {
                        try await service.deleteEntry(entryID, in: diaryID); return entryID
                    }, then: EntryMessage.deleted)
            ]
        case .deleted(.success):
            state.isSaving = false
            return [.reachable, .success("Entry deleted"), .command(.pop)]
        case .contentCopied:
            return [.command(.copy(state.entry.content, what: "the content"))]
        }
    }

    public func render(_ state: EntryState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let layout = Self.layout(rect)
        let entry = state.entry
        let facts = Panel(title: EntriesFeature.heading(entry)).render(
            in: layout.facts, on: &screen, theme: context.theme
        )
        .insetBy(dx: 1, dy: 0)
        var risk: (String, String, StyleRole) = ("Injection", "no risk found", .success)
        if entry.injectionRisk { risk = ("Injection", "⚠ possible prompt injection: read with care", .error) }
        FactLines.render(
            [
                (
                    "Type", "\(entry.entryType) · importance \(entry.importance)/10 · read \(entry.accessCount)×",
                    .normal
                ),
                ("Tags", (entry.tags ?? []).isEmpty ? "—" : (entry.tags ?? []).joined(separator: ", "), .normal),
                risk,
                (
                    "Dates",
                    "created \(Format.dateTime(entry.createdAt)) · updated \(Format.age(entry.updatedAt, now: context.now))"
                        + (entry.lastAccessedAt.map { " · read \(Format.age($0, now: context.now))" } ?? ""), .muted
                ),
                ("Id", entry.id.description + (entry.supersededBy.map { " · superseded by \($0)" } ?? ""), .muted),
            ], in: facts, on: &screen, theme: context.theme)
        Panel(title: "Content").render(in: layout.content, on: &screen, theme: context.theme)
        Self.text(state).render(in: layout.content.insetBy(dx: 2, dy: 1), on: &screen, theme: context.theme)
    }

    static func text(_ state: EntryState) -> TextView {
        TextView(
            paragraphs: state.entry.content.split(separator: "\n", omittingEmptySubsequences: false).map {
                TextView.Paragraph(String($0))
            }, scroll: state.scroll)
    }

    static func layout(_ rect: Rect) -> (facts: Rect, content: Rect) {
        let parts = rect.splitTop(7)
        return (parts.top, parts.rest)
    }

    public func appear(_ state: inout EntryState, _ context: FeatureContext) -> [Effect<EntryMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: EntryState) -> EntryMessage? { .refreshRequested }
    public func isBusy(_ state: EntryState) -> Bool { state.isLoading || state.isSaving }
}
