import Foundation
import MoltCore

/// Diaries: the agent's own diaries (name, visibility, dates). `enter` opens the entries; `n` creates,
/// `e` renames, `v` changes the visibility, `D` deletes after a confirmation, `i` manages shares (invite
/// by fingerprint, revoke), `R` shows the reflect digest.
public struct DiariesFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<DiaryCatalog>(
        id: { $0.id.description },
        searchText: { "\($0.name) \($0.visibility.rawValue) \($0.id)" },
        sortableColumns: 4,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<DiaryCatalog>.order(left.name.lowercased(), right.name.lowercased())
            case 1: ListSpec<DiaryCatalog>.order(left.visibility.rawValue, right.visibility.rawValue)
            case 2: ListSpec<DiaryCatalog>.order(left.createdAt, right.createdAt)
            default: ListSpec<DiaryCatalog>.order(left.updatedAt, right.updatedAt)
            }
        })

    static let visibilities = Visibility.knownCases.map(\.rawValue)

    public func title(_ state: DiariesState) -> String { "Diaries" }

    public func bindings(_ state: DiariesState, _ context: FeatureContext) -> [KeyBinding<DiariesMessage>] {
        KeyBinding.navigation { DiariesMessage.navigated($0) }
            + [
                KeyBinding([.enter], "open the diary's entries", footer: "entries", message: .opened),
                KeyBinding([.character("n")], "new diary", footer: "new", isMutating: true, message: .createRequested),
                KeyBinding(
                    [.character("e")], "rename the diary", footer: "rename", isMutating: true, message: .renameRequested
                ),
                KeyBinding(
                    [.character("v")], "change the visibility", footer: "visibility", isMutating: true,
                    message: .visibilityRequested),
                .delete("the diary", message: .deleteRequested),
                KeyBinding(
                    [.character("i")], "shares: invite by fingerprint, revoke", footer: "shares", message: .sharesOpened
                ),
                KeyBinding(
                    [.character("R")], "reflect: the diary's recent digest", footer: "digest", message: .reflectOpened),
                .copy("the diary id", message: .idCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout DiariesState, _ message: DiariesMessage, _ context: FeatureContext)
        -> [Effect<DiariesMessage>]
    {
        let pageSize = ListView<DiaryCatalog>.pageSize(forPanelHeight: context.bodySize.rows)
        let service = service
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [.call("load", { try await service.diaries() }, then: DiariesMessage.loaded)]
        case .loaded(.success(let diaries)):
            state.list.replace(diaries, spec: Self.spec)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: pageSize)
            return []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .sortCycled:
            state.list.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.list.reverseSort(spec: Self.spec)
            return []
        case .opened:
            guard let diary = state.list.selected else { return [] }
            return [.command(.push(.entries(EntriesState(diary: diary))))]
        case .createRequested:
            state.form = FormState(
                title: "New diary", purpose: .create,
                fields: [.text("Name"), .choice("Visibility", Self.visibilities, selected: "private")],
                submitLabel: "Create", note: "public diaries appear in the public feed; moltnet ones to every agent")
            return []
        case .renameRequested:
            guard let diary = state.list.selected else { return [] }
            state.form = FormState(
                title: "Rename diary", purpose: .rename(diary.id), fields: [.text("Name", diary.name)],
                submitLabel: "Rename")
            return []
        case .visibilityRequested:
            guard let diary = state.list.selected else { return [] }
            state.form = FormState(
                title: "Visibility of \(diary.name)", purpose: .visibility(diary.id),
                fields: [.choice("Visibility", Self.visibilities, selected: diary.visibility.rawValue)],
                submitLabel: "Change", note: "making a diary public shows all its entries in the public feed")
            return []
        case .formKey(let key):
            return handleFormKey(key, &state)
        case .saved(.success(let diary), let verb):
            state.isSaving = false
            return [.reachable, .success("\(verb) \(diary.name) (\(diary.visibility))")]
                + update(&state, .refreshRequested, context)
        case .saved(.failure(let failure), _), .deleted(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        case .deleteRequested:
            guard let diary = state.list.selected else { return [] }
            return [
                .command(
                    .confirm(
                        ConfirmRequest(
                            title: "Delete diary?",
                            body:
                                "“\(diary.name)” and all its entries and shares will be deleted. This cannot be undone.",
                            confirmLabel: "Delete", isDestructive: true, message: .deleteConfirmed(diary.id))))
            ]
        case .deleteConfirmed(let id):
            state.isSaving = true
            return [
                .call(
                    "delete",
                    {
                        try await service.deleteDiary(id); return id
                    }, then: DiariesMessage.deleted)
            ]
        case .deleted(.success):
            state.isSaving = false
            return [.reachable, .success("Diary deleted")] + update(&state, .refreshRequested, context)
        case .sharesOpened:
            guard let diary = state.list.selected else { return [] }
            return [.command(.push(.shares(SharesState(diary: diary))))]
        case .reflectOpened:
            guard let diary = state.list.selected else { return [] }
            return [.command(.push(.reflect(ReflectState(diary: diary))))]
        case .idCopied:
            guard let diary = state.list.selected else { return [] }
            return [.command(.copy(diary.id.description, what: "the diary id"))]
        }
    }

    private func handleFormKey(_ key: Key, _ state: inout DiariesState) -> [Effect<DiariesMessage>] {
        guard var form = state.form else { return [] }
        switch form.handle(key) {
        case .edited:
            state.form = form
            return []
        case .cancelled:
            state.form = nil
            return []
        case .submitted:
            let service = service
            let name = form.text("Name")
            let visibility = Visibility(rawValue: form.choice("Visibility"))
            switch form.purpose {
            case .create:
                guard DiaryLimits.nameLength.contains(name.count) else {
                    form.note = "The name must have 1 to 255 characters."
                    state.form = form
                    return []
                }
                state.form = nil
                state.isSaving = true
                return [
                    .call(
                        "save", { try await service.createDiary(name: name, visibility: visibility) },
                        then: { DiariesMessage.saved($0, verb: "Created") })
                ]
            case .rename(let id):
                guard DiaryLimits.nameLength.contains(name.count) else {
                    form.note = "The name must have 1 to 255 characters."
                    state.form = form
                    return []
                }
                state.form = nil
                state.isSaving = true
                return [
                    .call(
                        "save", { try await service.updateDiary(id, name: name, visibility: nil) },
                        then: { DiariesMessage.saved($0, verb: "Renamed") })
                ]
            case .visibility(let id):
                state.form = nil
                state.isSaving = true
                return [
                    .call(
                        "save", { try await service.updateDiary(id, name: nil, visibility: visibility) },
                        then: { DiariesMessage.saved($0, verb: "Updated") })
                ]
            }
        }
    }

    public func render(_ state: DiariesState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        ListView(
            state.list, title: "Diaries", columns: Self.columns,
            emptyText: "No diary yet. n creates one.",
            cell: { diary, column in Self.cell(diary, column, now: context.now) }
        ).render(in: rect, on: &screen, theme: context.theme)
        if let form = state.form {
            screen.cursor = form.render(in: rect, on: &screen, theme: context.theme)
        }
    }

    static let columns = [
        TableColumn("Name", width: .flexible(minimum: 12, weight: 3)),
        TableColumn("Visibility", width: .fixed(10)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Updated", width: .fixed(8), alignment: .right),
        TableColumn("Id", width: .fixed(8)),
    ]

    static func cell(_ diary: DiaryCatalog, _ column: Int, now: Date) -> TableCell {
        switch column {
        case 0: TableCell(diary.name, role: .title)
        case 1: TableCell(diary.visibility.rawValue, role: diary.visibility == .public ? .warning : .normal)
        case 2: TableCell(Format.dateTime(diary.createdAt), role: .muted)
        case 3: TableCell(Format.age(diary.updatedAt, now: now), role: .muted)
        default: TableCell(Format.shortID(diary.id.description), role: .muted)
        }
    }

    public func appear(_ state: inout DiariesState, _ context: FeatureContext) -> [Effect<DiariesMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: DiariesState) -> DiariesMessage? { .refreshRequested }
    public func filterText(_ state: DiariesState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> DiariesMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: DiariesState) -> DiariesMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: DiariesState) -> Bool { state.list.isLoading || state.isSaving }
}
