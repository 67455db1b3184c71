import Foundation
public import MoltCore

/// A diary's reflect digest (`GET /diaries/reflect`): its entries of the last `days` days, newest first.
public struct ReflectState: Equatable, Sendable {
    public var diary: DiaryCatalog
    public var days: Int
    public var type: EntryType?
    public var digest: DiaryDigest?
    public var viewport: TableViewport
    public var isLoading: Bool
    public var failure: ConsoleFailure?

    public init(diary: DiaryCatalog, days: Int = SearchLimits.defaultReflectDays) {
        self.diary = diary
        self.days = days
        type = nil
        digest = nil
        viewport = TableViewport()
        isLoading = false
        failure = nil
    }

    /// The periods `+` and `-` step through.
    public static let periods = [1, 7, 30, 90, 365]
}

/// What happens on the digest screen.
public enum ReflectMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<DiaryDigest, ConsoleFailure>)
    case navigated(Navigation)
    case periodChanged(longer: Bool)
    case typeCycled
    case opened
}

/// Reflect: the digest of a diary over a period (`+`/`-` change it: 1, 7, 30, 90, 365 days; `t` one type),
/// the selected entry's content below; `enter` opens the entry.
public struct ReflectFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    public func title(_ state: ReflectState) -> String { "Digest" }

    public func bindings(_ state: ReflectState, _ context: FeatureContext) -> [KeyBinding<ReflectMessage>] {
        KeyBinding.navigation { ReflectMessage.navigated($0) }
            + [
                KeyBinding([.enter], "open the entry", footer: "open", message: .opened),
                KeyBinding(
                    [.character("+")], "a longer period", footer: "longer", group: .view,
                    message: .periodChanged(longer: true)),
                KeyBinding([.character("-")], "a shorter period", group: .view, message: .periodChanged(longer: false)),
                KeyBinding(
                    [.character("t")], "one entry type only (cycles)", footer: "type", group: .view,
                    message: .typeCycled),
            ]
    }

    public func update(_ state: inout ReflectState, _ message: ReflectMessage, _ context: FeatureContext)
        -> [Effect<ReflectMessage>]
    {
        switch message {
        case .refreshRequested:
            state.isLoading = true
            let service = service
            let query = ReflectQuery(
                diaryId: state.diary.id, days: state.days, maxEntries: SearchLimits.reflectMaxEntries.upperBound,
                entryTypes: state.type.map { [$0] })
            return [.call("load", { try await service.reflect(query) }, then: ReflectMessage.loaded)]
        case .loaded(.success(let digest)):
            state.isLoading = false
            state.failure = nil
            state.digest = digest
            state.viewport.reveal(
                rowCount: digest.entries.count, pageSize: Self.layout(Rect(size: context.bodySize)).pageSize)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.isLoading = false
            state.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.viewport.navigate(
                navigation, rowCount: state.digest?.entries.count ?? 0,
                pageSize: Self.layout(Rect(size: context.bodySize)).pageSize)
            return []
        case .periodChanged(let longer):
            let periods = ReflectState.periods
            let index = periods.lastIndex { $0 <= state.days } ?? 0
            state.days = periods[min(max(index + (longer ? 1 : -1), 0), periods.count - 1)]
            state.viewport = TableViewport()
            return update(&state, .refreshRequested, context)
        case .typeCycled:
            let all: [EntryType?] = [nil] + EntryType.knownCases.map { $0 }
            state.type = all[((all.firstIndex(of: state.type) ?? 0) + 1) % all.count]
            state.viewport = TableViewport()
            return update(&state, .refreshRequested, context)
        case .opened:
            guard let entries = state.digest?.entries, !entries.isEmpty else { return [] }
            let item = entries[min(state.viewport.selected, entries.count - 1)]
            let entry = DiaryEntry(
                id: item.id, diaryId: state.diary.id, title: nil, content: item.content, tags: item.tags,
                injectionRisk: false, importance: item.importance, accessCount: 0, lastAccessedAt: nil,
                entryType: item.entryType, supersededBy: nil, createdAt: item.createdAt, updatedAt: item.createdAt)
            return [.command(.push(.entry(EntryState(diary: state.diary, entry: entry))))]
        }
    }

    public func render(_ state: ReflectState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = Self.layout(rect)
        let entries = state.digest?.entries ?? []
        var title = "Digest of \(state.diary.name): last \(state.days) day\(state.days == 1 ? "" : "s")"
        if let type = state.type { title += " · \(type)" }
        let inside = Panel(title: title, note: state.viewport.positionText(rowCount: entries.count))
            .render(in: layout.list, on: &screen, theme: theme)
        let empty =
            state.failure.map { "✖ \($0.description)" }
            ?? (state.digest == nil ? "Loading…" : "No entry in this period. + looks further back.")
        TableView(
            columns: [
                TableColumn("Created", width: .fixed(16)), TableColumn("Type", width: .fixed(10)),
                TableColumn("Imp", width: .fixed(3), alignment: .right),
                TableColumn("Content", width: .flexible(minimum: 10, weight: 3)),
                TableColumn("Tags", width: .flexible(minimum: 6, weight: 1)),
            ],
            rowCount: entries.count, viewport: state.viewport, emptyText: empty,
            cell: { row, column in
                let entry = entries[row]
                switch column {
                case 0: return TableCell(Format.dateTime(entry.createdAt), role: .muted)
                case 1: return TableCell(entry.entryType.rawValue)
                case 2: return TableCell("\(entry.importance)")
                case 3: return TableCell(Format.firstLine(entry.content))
                default: return TableCell((entry.tags ?? []).joined(separator: ","), role: .muted)
                }
            }
        ).render(in: inside, on: &screen, theme: theme)
        let footer =
            state.digest.map { "\($0.totalEntries) entries · generated \(Format.timestamp($0.generatedAt))" } ?? ""
        let preview = Panel(title: "Content", note: footer).render(in: layout.preview, on: &screen, theme: theme)
        if !entries.isEmpty {
            let entry = entries[min(state.viewport.selected, entries.count - 1)]
            TextView(paragraphs: [TextView.Paragraph(entry.content)], scroll: ScrollPosition())
                .render(in: preview.insetBy(dx: 1, dy: 0), on: &screen, theme: theme)
        }
    }

    static func layout(_ rect: Rect) -> (list: Rect, preview: Rect, pageSize: Int) {
        let parts = rect.splitTop(rect.height * 3 / 5)
        return (parts.top, parts.rest, ListView<Int>.pageSize(forPanelHeight: parts.top.height))
    }

    public func appear(_ state: inout ReflectState, _ context: FeatureContext) -> [Effect<ReflectMessage>] {
        state.digest == nil ? update(&state, .refreshRequested, context) : []
    }

    public func refreshMessage(_ state: ReflectState) -> ReflectMessage? { .refreshRequested }
    public func isBusy(_ state: ReflectState) -> Bool { state.isLoading }
}
