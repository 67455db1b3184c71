import Foundation
import MoltCore

/// The entries of a diary, newest first, a page at a time (the next page loads as the selection nears the
/// end): title, type, importance, tags, the injection-risk flag ⚠, dates. `enter` opens an entry; `n`/`e`/`u`
/// create, edit and supersede in the inline editor, `N`/`E` in `$EDITOR`; `D` deletes (confirmed); `t`
/// filters by type on the server; `/` filters what is loaded.
public struct EntriesFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<DiaryEntry>(
        id: { $0.id.description },
        searchText: {
            "\($0.title ?? "") \($0.entryType.rawValue) \(($0.tags ?? []).joined(separator: " ")) \($0.content)"
        },
        sortableColumns: 6,
        compare: { left, right, column in
            switch column {
            case 0:
                ListSpec<DiaryEntry>.order(
                    EntriesFeature.heading(left).lowercased(), EntriesFeature.heading(right).lowercased())
            case 1: ListSpec<DiaryEntry>.order(left.entryType.rawValue, right.entryType.rawValue)
            case 2: ListSpec<DiaryEntry>.order(left.importance, right.importance)
            case 3: ListSpec<DiaryEntry>.order((left.tags ?? []).joined(), (right.tags ?? []).joined())
            case 4: ListSpec<DiaryEntry>.order(left.injectionRisk ? 1 : 0, right.injectionRisk ? 1 : 0)
            default: ListSpec<DiaryEntry>.order(left.createdAt, right.createdAt)
            }
        })

    /// The title, or the content's first line.
    static func heading(_ entry: DiaryEntry) -> String {
        if let title = entry.title, !title.isEmpty { return title }
        return Format.firstLine(entry.content)
    }

    public func title(_ state: EntriesState) -> String { state.diary.name }

    public func bindings(_ state: EntriesState, _ context: FeatureContext) -> [KeyBinding<EntriesMessage>] {
        KeyBinding.navigation { EntriesMessage.navigated($0) }
            + [
                KeyBinding([.enter], "open the entry", footer: "open", message: .opened),
                KeyBinding(
                    [.character("n")], "new entry (inline editor)", footer: "new", isMutating: true,
                    message: .editorOpened(.create)),
                KeyBinding(
                    [.character("N")], "new entry in $EDITOR", isMutating: true, message: .externalEditorOpened(.create)
                ),
                KeyBinding(
                    [.character("e")], "edit the entry (inline editor)", footer: "edit", isMutating: true,
                    message: .editorOpened(.edit)),
                KeyBinding(
                    [.character("E")], "edit the entry in $EDITOR", isMutating: true,
                    message: .externalEditorOpened(.edit)),
                KeyBinding(
                    [.character("u")], "supersede: write the entry that replaces it", footer: "supersede",
                    isMutating: true,
                    message: .editorOpened(.supersede)),
                .delete("the entry", message: .deleteRequested),
                KeyBinding(
                    [.character("t")], "show one type only (cycles, asks the server)", footer: "type", group: .view,
                    message: .typeCycled),
                KeyBinding([.character("R")], "reflect: the diary's recent digest", message: .reflectOpened),
                .copy("the entry id", message: .idCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout EntriesState, _ message: EntriesMessage, _ context: FeatureContext)
        -> [Effect<EntriesMessage>]
    {
        let pageSize = ListView<DiaryEntry>.pageSize(forPanelHeight: context.bodySize.rows)
        let service = service
        let diaryID = state.diary.id
        switch message {
        case .refreshRequested:
            state.list.isLoading = true
            return [load(state, offset: 0)]
        case .moreRequested:
            guard let offset = state.nextOffset, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [load(state, offset: offset)]
        case .loaded(.success(let page), let offset):
            if offset == 0 {
                state.list.replace(page.items, spec: Self.spec)
            } else {
                state.list.append(page.items, spec: Self.spec)
            }
            state.nextOffset = page.items.count < EntriesState.pageSize ? nil : offset + page.items.count
            return [.reachable]
        case .loaded(.failure(let failure), _):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: pageSize)
            return state.list.isNearEnd(margin: pageSize) ? update(&state, .moreRequested, context) : []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .sortCycled:
            state.list.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.list.reverseSort(spec: Self.spec)
            return []
        case .typeCycled:
            let all: [EntryType?] = [nil] + EntryType.knownCases.map { $0 }
            let index = all.firstIndex(of: state.typeFilter) ?? 0
            state.typeFilter = all[(index + 1) % all.count]
            state.list.viewport = TableViewport()
            return update(&state, .refreshRequested, context)
        case .opened:
            guard let entry = state.list.selected else { return [] }
            return [.command(.push(.entry(EntryState(diary: state.diary, entry: entry))))]
        case .editorOpened(let kind):
            guard let purpose = Self.purpose(kind, state.list.selected) else { return [] }
            return [.command(.push(.entryEditor(EntryEditorState(diary: state.diary, purpose: purpose))))]
        case .externalEditorOpened(let kind):
            guard let purpose = Self.purpose(kind, state.list.selected) else { return [] }
            return [
                .command(
                    .editExternally(
                        text: purpose.draft.editorText, suffix: ".md",
                        then: { EntriesMessage.externallyEdited($0, purpose) }))
            ]
        case .externallyEdited(nil, _):
            return [.info("Nothing saved", detail: "the editor failed or the file was empty")]
        case .externallyEdited(let text?, let purpose):
            let draft = EntryDraft(editorText: text, base: purpose.draft)
            if let problem = draft.problem(visibility: state.diary.visibility) {
                return [.command(.flash(.problem(title: "Entry not saved", detail: problem)))]
            }
            state.isSaving = true
            return [.call("save", { try await service.save(draft, purpose, in: diaryID) }, then: EntriesMessage.saved)]
        case .saved(.success(let saved)):
            state.isSaving = false
            return [.reachable, .success("\(saved.verb) \(Self.heading(saved.entry))")]
                + update(&state, .refreshRequested, context)
        case .saved(.failure(let failure)), .deleted(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        case .deleteRequested:
            guard let entry = state.list.selected else { return [] }
            return [
                .command(
                    .confirm(
                        ConfirmRequest(
                            title: "Delete entry?",
                            body:
                                "“\(TextLayout.truncate(Self.heading(entry), toWidth: 60))” will be deleted for everyone who can read the diary.",
                            confirmLabel: "Delete", isDestructive: true, message: .deleteConfirmed(entry.id))))
            ]
        case .deleteConfirmed(let id):
            state.isSaving = true
            return [
                .call(
                    "delete",
                    {
                        try await service.deleteEntry(id, in: diaryID); return id
                    }, then: EntriesMessage.deleted)
            ]
        case .deleted(.success):
            state.isSaving = false
            return [.reachable, .success("Entry deleted")] + update(&state, .refreshRequested, context)
        case .reflectOpened:
            return [.command(.push(.reflect(ReflectState(diary: state.diary))))]
        case .idCopied:
            guard let entry = state.list.selected else { return [] }
            return [.command(.copy(entry.id.description, what: "the entry id"))]
        }
    }

    private func load(_ state: EntriesState, offset: Int) -> Effect<EntriesMessage> {
        let service = service
        let diaryID = state.diary.id
        let type = state.typeFilter
        return .call(
            "load",
            { try await service.entries(in: diaryID, limit: EntriesState.pageSize, offset: offset, type: type) },
            then: { EntriesMessage.loaded($0, offset: offset) })
    }

    static func purpose(_ kind: EntryEditKind, _ selected: DiaryEntry?) -> EntryEditPurpose? {
        switch kind {
        case .create: return .create
        case .edit: return selected.map(EntryEditPurpose.edit)
        case .supersede: return selected.map(EntryEditPurpose.supersede)
        }
    }

    public func render(_ state: EntriesState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        var title = "Entries of \(state.diary.name) (\(state.diary.visibility))"
        if let type = state.typeFilter { title += " · type \(type)" }
        if state.nextOffset != nil { title += " · more below" }
        ListView(
            state.list, title: title, columns: Self.columns,
            emptyText: state.typeFilter == nil ? "No entry yet. n writes one." : "No entry of this type.",
            cell: { entry, column in Self.cell(entry, column, now: context.now) }
        ).render(in: rect, on: &screen, theme: context.theme)
    }

    static let columns = [
        TableColumn("Title", width: .flexible(minimum: 14, weight: 3)),
        TableColumn("Type", width: .fixed(10)),
        TableColumn("Imp", width: .fixed(3), alignment: .right),
        TableColumn("Tags", width: .flexible(minimum: 6, weight: 1)),
        TableColumn("⚠", width: .fixed(1)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Updated", width: .fixed(7), alignment: .right),
    ]

    static func cell(_ entry: DiaryEntry, _ column: Int, now: Date) -> TableCell {
        switch column {
        case 0:
            let superseded = entry.supersededBy == nil ? "" : "↷ "
            return TableCell(superseded + heading(entry), role: entry.supersededBy == nil ? .normal : .muted)
        case 1: return TableCell(entry.entryType.rawValue)
        case 2: return TableCell("\(entry.importance)", role: entry.importance >= 8 ? .warning : .normal)
        case 3: return TableCell((entry.tags ?? []).joined(separator: ","), role: .muted)
        case 4: return entry.injectionRisk ? TableCell("⚠", role: .error) : TableCell("")
        case 5: return TableCell(Format.dateTime(entry.createdAt), role: .muted)
        default: return TableCell(Format.age(entry.updatedAt, now: now), role: .muted)
        }
    }

    public func appear(_ state: inout EntriesState, _ context: FeatureContext) -> [Effect<EntriesMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: EntriesState) -> EntriesMessage? { .refreshRequested }
    public func filterText(_ state: EntriesState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> EntriesMessage? { .filterChanged(text) }
    public func isBusy(_ state: EntriesState) -> Bool { state.list.isLoading || state.isSaving }
}
