public import MoltCore

/// The inline entry editor's state: the metadata fields, the content, which field has the focus.
public struct EntryEditorState: Equatable, Sendable {
    public var diary: DiaryCatalog
    public var purpose: EntryEditPurpose
    public var title: LineEditor
    public var tags: LineEditor
    public var type: EntryType
    public var importance: Int
    public var content: TextEditor
    public var focus: EntryEditorField
    public var isSaving: Bool
    /// Why the last save was refused.
    public var problem: String?
    private let original: EntryDraft

    public init(diary: DiaryCatalog, purpose: EntryEditPurpose) {
        let draft = purpose.draft
        self.diary = diary
        self.purpose = purpose
        self.original = draft
        title = LineEditor(draft.title)
        tags = LineEditor(draft.tags.joined(separator: ", "))
        type = draft.type
        importance = draft.importance
        content = TextEditor(draft.content)
        focus = purpose == .create ? .title : .content
        isSaving = false
        problem = nil
    }

    /// The draft as the fields hold it.
    public var draft: EntryDraft {
        EntryDraft(
            title: title.text.trimmingSpaces, tags: EntryDraft.tags(tags.text), type: type, importance: importance,
            content: content.text)
    }

    /// Fills the fields from a draft (after `$EDITOR`).
    public mutating func load(_ draft: EntryDraft) {
        title = LineEditor(draft.title)
        tags = LineEditor(draft.tags.joined(separator: ", "))
        type = draft.type
        importance = draft.importance
        content = TextEditor(draft.content)
    }

    /// Whether anything changed since the editor opened.
    public var isDirty: Bool { draft != original }
}

/// The editor's fields, in `tab` order.
public enum EntryEditorField: Int, Equatable, Sendable, CaseIterable {
    case title, tags, type, importance, content
}

/// What happens in the editor.
public enum EntryEditorMessage: Equatable, Sendable {
    case keyPressed(Key)
    case discardConfirmed
    case externallyEdited(String?)
    case saved(Result<SavedEntry, ConsoleFailure>)
}

/// The inline editor for an entry: title, tags, type, importance and the content (a multi-line editor
/// with word wrap). Takes every key: `tab`/`shift-tab` move between fields (in the content `tab` indents
/// and `shift-tab` leaves), `←`/`→` change type and importance, `ctrl-s` saves, `ctrl-e` continues in
/// `$EDITOR`, `esc` leaves (asking first when something changed).
public struct EntryEditorFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    public func title(_ state: EntryEditorState) -> String { state.purpose.title }

    public func bindings(_ state: EntryEditorState, _ context: FeatureContext) -> [KeyBinding<EntryEditorMessage>] {
        [
            KeyBinding([.control("s")], "save", footer: "save", message: .keyPressed(.control("s"))),
            KeyBinding(
                [.escape], "leave (asks first when something changed)", footer: "cancel", message: .keyPressed(.escape)),
            KeyBinding([.tab], "next field (in the content: indent)", group: .navigation, message: .keyPressed(.tab)),
            KeyBinding([.backTab], "previous field", group: .navigation, message: .keyPressed(.backTab)),
            KeyBinding(
                [.left, .right], "type and importance: change the value", group: .navigation,
                message: .keyPressed(.right)),
            KeyBinding([.control("e")], "continue in $EDITOR", footer: "$EDITOR", message: .keyPressed(.control("e"))),
        ]
    }

    public func update(_ state: inout EntryEditorState, _ message: EntryEditorMessage, _ context: FeatureContext)
        -> [Effect<EntryEditorMessage>]
    {
        switch message {
        case .keyPressed(let key):
            return handle(key, &state, context)
        case .discardConfirmed:
            return [.command(.pop)]
        case .externallyEdited(let text):
            guard let text else { return [.info("$EDITOR changed nothing")] }
            state.load(EntryDraft(editorText: text, base: state.draft))
            return []
        case .saved(.success(let saved)):
            state.isSaving = false
            return [.reachable, .success("\(saved.verb) \(EntriesFeature.heading(saved.entry))"), .command(.pop)]
        case .saved(.failure(let failure)):
            state.isSaving = false
            state.problem = failure.description
            return Effect.report(failure)
        }
    }

    private func handle(_ key: Key, _ state: inout EntryEditorState, _ context: FeatureContext)
        -> [Effect<EntryEditorMessage>]
    {
        guard !state.isSaving else { return [] }
        let content = Self.layout(Rect(size: context.bodySize)).content.insetBy(dx: 1, dy: 1)
        switch key {
        case .control("s"):
            let draft = state.draft
            if let problem = draft.problem(visibility: state.diary.visibility) {
                state.problem = problem
                return []
            }
            state.problem = nil
            state.isSaving = true
            let service = service
            let purpose = state.purpose
            let diaryID = state.diary.id
            return [
                .call("save", { try await service.save(draft, purpose, in: diaryID) }, then: EntryEditorMessage.saved)
            ]
        case .escape:
            guard state.isDirty else { return [.command(.pop)] }
            return [
                .command(
                    .confirm(
                        ConfirmRequest(
                            title: "Discard changes?", body: "What you wrote here has not been saved.",
                            confirmLabel: "Discard", isDestructive: true, message: .discardConfirmed)))
            ]
        case .control("e"):
            return [
                .command(
                    .editExternally(
                        text: state.draft.editorText, suffix: ".md", then: EntryEditorMessage.externallyEdited))
            ]
        case .backTab:
            state.focus = EntryEditorField(rawValue: (state.focus.rawValue + 4) % 5) ?? .title
            return []
        case .tab where state.focus != .content:
            state.focus = EntryEditorField(rawValue: state.focus.rawValue + 1) ?? .content
            return []
        default:
            break
        }
        switch state.focus {
        case .title: _ = state.title.handle(key)
        case .tags: _ = state.tags.handle(key)
        case .type:
            let types = EntryType.knownCases
            let index = types.firstIndex(of: state.type) ?? 0
            if key == .left { state.type = types[(index - 1 + types.count) % types.count] }
            if key == .right || key == .character(" ") { state.type = types[(index + 1) % types.count] }
        case .importance:
            if key == .left || key == .character("-") { state.importance = max(state.importance - 1, 1) }
            if key == .right || key == .character("+") { state.importance = min(state.importance + 1, 10) }
            if case .character(let digit) = key, let value = digit.wholeNumberValue {
                state.importance = value == 0 ? 10 : value
            }
        case .content:
            _ = state.content.handle(key, width: content.width, height: content.height)
        }
        return []
    }

    public func render(_ state: EntryEditorState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = Self.layout(rect)
        let heading = "\(state.purpose.title) in \(state.diary.name)"
        let fields = Panel(title: heading, note: "ctrl-s save · esc cancel").render(
            in: layout.fields, on: &screen, theme: theme
        )
        .insetBy(dx: 1, dy: 0)
        let labelWidth = 12
        var cursor: CellPosition? = nil
        let rows: [(EntryEditorField, String)] = [
            (.title, "Title"), (.tags, "Tags"), (.type, "Type"), (.importance, "Importance"),
        ]
        for (index, (field, label)) in rows.enumerated() where index < fields.height {
            let row = fields.row(index)
            let focused = state.focus == field
            screen.write(label, row: row.y, column: row.x, style: theme.style(focused ? .key : .muted), clip: row)
            let value = Rect(x: row.x + labelWidth, y: row.y, width: row.width - labelWidth, height: 1)
            switch field {
            case .title, .tags:
                let editor = field == .title ? state.title : state.tags
                if focused {
                    cursor = editor.render(prompt: "", in: value, on: &screen, theme: theme)
                } else {
                    let hint = field == .tags && editor.text.isEmpty ? "comma-separated" : editor.text
                    screen.write(
                        hint, row: row.y, column: value.x, style: theme.style(editor.text.isEmpty ? .muted : .input),
                        clip: value)
                }
            case .type:
                screen.write(
                    "◀ \(state.type.rawValue) ▶", row: row.y, column: value.x,
                    style: theme.style(focused ? .buttonFocused : .input), clip: value)
            case .importance:
                let bar =
                    String(repeating: "■", count: state.importance)
                    + String(repeating: "·", count: 10 - state.importance)
                screen.write(
                    "◀ \(state.importance) ▶ \(bar)", row: row.y, column: value.x,
                    style: theme.style(focused ? .buttonFocused : .input), clip: value)
            case .content:
                break
            }
        }
        let note = state.problem.map { "✖ \($0)" } ?? "\(state.content.text.count) characters"
        let inside = Panel(title: "Content", note: note, isFocused: state.focus == .content)
            .render(in: layout.content, on: &screen, theme: theme)
        let editorCursor = state.content.render(in: inside, on: &screen, theme: theme)
        if state.focus == .content { cursor = editorCursor }
        screen.cursor = cursor
    }

    static func layout(_ rect: Rect) -> (fields: Rect, content: Rect) {
        let parts = rect.splitTop(6)
        return (parts.top, parts.rest)
    }

    public func capturedKey(_ key: Key, _ state: EntryEditorState) -> EntryEditorMessage? { .keyPressed(key) }
    public func isBusy(_ state: EntryEditorState) -> Bool { state.isSaving }
}
