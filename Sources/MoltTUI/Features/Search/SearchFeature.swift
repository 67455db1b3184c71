import Foundation
public import MoltCore

/// The Search screen's state: the query being typed, the results with their scores, and whether the
/// server offers search at all.
public struct SearchState: Equatable, Sendable {
    public var query: LineEditor
    /// Whether the query line has the keys.
    public var isEditing: Bool
    /// The query of the results shown.
    public var lastQuery: String
    public var type: EntryType?
    public var results: ListState<ScoredEntry>
    /// Diary names by id, for the Diary column.
    public var diaryNames: [DiaryID: String]
    public var diaries: [DiaryID: DiaryCatalog]
    /// Set when the server has no search (404/405/501): why.
    public var unavailable: String?

    public init(query: String = "") {
        self.query = LineEditor(query)
        isEditing = query.isEmpty
        lastQuery = ""
        type = nil
        results = ListState()
        diaryNames = [:]
        diaries = [:]
        unavailable = nil
    }
}

/// What happens on the Search screen.
public enum SearchMessage: Equatable, Sendable {
    case keyPressed(Key)
    case editRequested
    case submitted
    case loaded(Result<[ScoredEntry], ConsoleFailure>, query: String)
    case diariesLoaded(Result<[DiaryCatalog], ConsoleFailure>)
    case navigated(Navigation)
    case typeCycled
    case opened
}

/// Search: hybrid search (`POST /diaries/search`: vector + full text, fused by rank) over every diary the
/// agent may read, with each result's rank and score. Type the query and `enter`; `/` edits it again; `t`
/// keeps one entry type; `enter` on a result opens the entry. When the server has no search yet, the screen
/// says so instead of failing.
public struct SearchFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<ScoredEntry>(
        id: { $0.entry.id.description }, searchText: { "\($0.entry.title ?? "") \($0.entry.content)" })

    public func title(_ state: SearchState) -> String { "Search" }

    public func bindings(_ state: SearchState, _ context: FeatureContext) -> [KeyBinding<SearchMessage>] {
        if state.isEditing {
            return [
                KeyBinding([.enter], "search", footer: "search", message: .submitted),
                KeyBinding([.escape], "stop editing the query", footer: "results", message: .keyPressed(.escape)),
            ]
        }
        return KeyBinding.navigation { SearchMessage.navigated($0) }
            + [
                KeyBinding([.enter], "open the entry", footer: "open", message: .opened),
                KeyBinding(
                    [.character("/"), .character("i")], "edit the query", footer: "query", message: .editRequested),
                KeyBinding(
                    [.character("t")], "one entry type only (cycles)", footer: "type", group: .view,
                    message: .typeCycled),
            ]
    }

    public func update(_ state: inout SearchState, _ message: SearchMessage, _ context: FeatureContext)
        -> [Effect<SearchMessage>]
    {
        let service = service
        switch message {
        case .keyPressed(let key):
            switch state.query.handle(key) {
            case .submitted: return update(&state, .submitted, context)
            case .cancelled: state.isEditing = false
            case .edited, .moved, .ignored: break
            }
            return []
        case .editRequested:
            state.isEditing = true
            return []
        case .submitted:
            let query = state.query.text.trimmingSpaces
            guard !query.isEmpty else { return [] }
            guard SearchLimits.queryLength.contains(query.count) else {
                return [.command(.flash(.problem(title: "Query too long", detail: "at most 500 characters")))]
            }
            state.isEditing = false
            state.results.isLoading = true
            let request = SearchDiaryRequest(
                query: query, limit: SearchLimits.limitRange.upperBound, entryTypes: state.type.map { [$0] })
            return [
                .call("search", { try await service.search(request) }, then: { SearchMessage.loaded($0, query: query) })
            ]
        case .loaded(.success(let results), let query):
            state.unavailable = nil
            state.lastQuery = query
            state.results.replace(results, spec: Self.spec)
            state.results.viewport = TableViewport()
            return [.reachable]
        case .loaded(.failure(let failure), let query):
            state.results.isLoading = false
            state.lastQuery = query
            if let status = failure.status, [404, 405, 501].contains(status) {
                state.unavailable = "This server does not offer search yet (HTTP \(status): \(failure.title))."
                return [.reachable, .info("Search is not available on this server", detail: "HTTP \(status)")]
            }
            state.results.failure = failure
            return Effect.report(failure)
        case .diariesLoaded(.success(let diaries)):
            for diary in diaries {
                state.diaryNames[diary.id] = diary.name
                state.diaries[diary.id] = diary
            }
            return []
        case .diariesLoaded(.failure):
            return []
        case .navigated(let navigation):
            state.results.navigate(navigation, pageSize: Self.layout(Rect(size: context.bodySize)).pageSize)
            return []
        case .typeCycled:
            let all: [EntryType?] = [nil] + EntryType.knownCases.map { $0 }
            state.type = all[((all.firstIndex(of: state.type) ?? 0) + 1) % all.count]
            return update(&state, .submitted, context)
        case .opened:
            guard let result = state.results.selected else { return [] }
            let diary =
                state.diaries[result.entry.diaryId]
                ?? DiaryCatalog(
                    id: result.entry.diaryId,
                    ownerId: AgentID(rawValue: UUID(uuidString: "00000000-0000-0000-0000-000000000000") ?? UUID()),
                    name: "shared diary",
                    visibility: .private, createdAt: result.entry.createdAt, updatedAt: result.entry.createdAt)
            return [.command(.push(.entry(EntryState(diary: diary, entry: result.entry))))]
        }
    }

    public func render(_ state: SearchState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = Self.layout(rect)
        let scope = state.type.map { "entries of type \($0)" } ?? "every diary you may read"
        let input = Panel(title: "Query", note: scope, isFocused: state.isEditing)
            .render(in: layout.query, on: &screen, theme: theme).insetBy(dx: 1, dy: 0)
        if state.isEditing {
            screen.cursor = state.query.render(prompt: "› ", in: input, on: &screen, theme: theme)
        } else {
            screen.write(
                "› " + state.query.text, row: input.y, column: input.x, style: theme.style(.input), clip: input)
        }
        var results = state.results
        if let unavailable = state.unavailable { results.failure = ConsoleFailure(title: unavailable) }
        let names = state.diaryNames
        let title = state.lastQuery.isEmpty ? "Results" : "Results for “\(state.lastQuery)”"
        ListView(
            results, title: title,
            columns: [
                TableColumn("#", width: .fixed(3), alignment: .right),
                TableColumn("Score", width: .fixed(6), alignment: .right),
                TableColumn("Title", width: .flexible(minimum: 12, weight: 3)),
                TableColumn("Diary", width: .flexible(minimum: 8, weight: 1)),
                TableColumn("Type", width: .fixed(10)),
                TableColumn("Imp", width: .fixed(3), alignment: .right),
                TableColumn("⚠", width: .fixed(1)),
                TableColumn("Created", width: .fixed(10)),
            ], isFocused: !state.isEditing,
            emptyText: state.lastQuery.isEmpty ? "Type a query and press enter." : "Nothing found.",
            cell: { result, column in
                let entry = result.entry
                switch column {
                case 0: return TableCell("\((state.results.rows.firstIndex(of: result) ?? 0) + 1)", role: .muted)
                case 1: return TableCell(result.score.map { String(format: "%.4f", $0) } ?? "—")
                case 2: return TableCell(EntriesFeature.heading(entry))
                case 3: return TableCell(names[entry.diaryId] ?? "shared", role: .muted)
                case 4: return TableCell(entry.entryType.rawValue)
                case 5: return TableCell("\(entry.importance)")
                case 6: return entry.injectionRisk ? TableCell("⚠", role: .error) : TableCell("")
                default: return TableCell(Format.date(entry.createdAt), role: .muted)
                }
            }
        ).render(in: layout.results, on: &screen, theme: theme)
    }

    static func layout(_ rect: Rect) -> (query: Rect, results: Rect, pageSize: Int) {
        let parts = rect.splitTop(3)
        return (parts.top, parts.rest, ListView<Int>.pageSize(forPanelHeight: parts.rest.height))
    }

    public func appear(_ state: inout SearchState, _ context: FeatureContext) -> [Effect<SearchMessage>] {
        guard state.diaryNames.isEmpty else { return [] }
        let service = service
        var effects: [Effect<SearchMessage>] = [
            .call("diaries", { try await service.diaries() }, then: SearchMessage.diariesLoaded)
        ]
        if !state.isEditing, state.lastQuery.isEmpty { effects += update(&state, .submitted, context) }
        return effects
    }

    public func capturedKey(_ key: Key, _ state: SearchState) -> SearchMessage? {
        state.isEditing && key != .enter && key != .escape ? .keyPressed(key) : nil
    }
    public func refreshMessage(_ state: SearchState) -> SearchMessage? { state.lastQuery.isEmpty ? nil : .submitted }
    public func isBusy(_ state: SearchState) -> Bool { state.results.isLoading }
}
