import Foundation
public import MoltCore

/// The Vouchers screen's state: the agent's active vouchers, the network's trust graph, and a voucher just
/// issued (its code is shown once).
public struct VouchersState: Equatable, Sendable {
    public var active: ListState<Voucher>
    public var edges: [TrustGraph.Edge]
    public var graphScroll: ScrollPosition
    public var graphFailure: ConsoleFailure?
    public var focus: VouchersPane
    /// The voucher just issued, shown in a dialog until dismissed.
    public var issued: Voucher?
    public var isIssuing: Bool
    public var isLoadingGraph: Bool

    public init() {
        active = ListState(sort: TableSort(column: 1, ascending: true))
        edges = []
        graphScroll = ScrollPosition()
        graphFailure = nil
        focus = .active
        issued = nil
        isIssuing = false
        isLoadingGraph = false
    }
}

/// The Vouchers screen's panes.
public enum VouchersPane: Equatable, Sendable {
    case active, graph
}

/// What happens on the Vouchers screen.
public enum VouchersMessage: Equatable, Sendable {
    case refreshRequested
    case activeLoaded(Result<[Voucher], ConsoleFailure>)
    case graphLoaded(Result<[TrustGraph.Edge], ConsoleFailure>)
    case navigated(Navigation)
    case paneSwitched
    case sortCycled
    case sortReversed
    case filterChanged(String)
    case issueRequested
    case issued(Result<Voucher, ConsoleFailure>)
    /// A key while the issued code is shown.
    case issuedKey(Key)
    case codeCopied
}

/// Vouchers: `n` issues one (its code shown once, `y` copies it through OSC 52), the active ones with the
/// time left (at most 5), and the trust graph as a tree (`tab` moves to it).
public struct VouchersFeature: Feature {
    let service: any MoltService
    let refreshInterval: Duration?

    public init(service: any MoltService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    static let spec = ListSpec<Voucher>(
        id: { $0.code }, searchText: { $0.code }, sortableColumns: 2,
        compare: { left, right, column in
            column == 0
                ? ListSpec<Voucher>.order(left.code, right.code)
                : ListSpec<Voucher>.order(left.expiresAt, right.expiresAt)
        })

    public func title(_ state: VouchersState) -> String { "Vouchers" }

    public func bindings(_ state: VouchersState, _ context: FeatureContext) -> [KeyBinding<VouchersMessage>] {
        KeyBinding.navigation { VouchersMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("n")], "issue a voucher (the code is shown once)", footer: "issue", isMutating: true,
                    message: .issueRequested),
                .copy("the selected code (OSC 52)", message: .codeCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout VouchersState, _ message: VouchersMessage, _ context: FeatureContext)
        -> [Effect<VouchersMessage>]
    {
        let service = service
        let layout = Self.layout(Rect(size: context.bodySize))
        switch message {
        case .refreshRequested:
            state.active.isLoading = true
            state.isLoadingGraph = true
            return [
                .call("active", { try await service.activeVouchers() }, then: VouchersMessage.activeLoaded),
                .call("graph", { try await service.trustGraph() }, then: VouchersMessage.graphLoaded),
            ]
        case .activeLoaded(.success(let vouchers)):
            state.active.replace(vouchers, spec: Self.spec)
            return [.reachable]
        case .activeLoaded(.failure(let failure)):
            state.active.isLoading = false
            state.active.failure = failure
            return Effect.report(failure)
        case .graphLoaded(.success(let edges)):
            state.isLoadingGraph = false
            state.graphFailure = nil
            state.edges = edges
            return []
        case .graphLoaded(.failure(let failure)):
            state.isLoadingGraph = false
            state.graphFailure = failure
            return []
        case .navigated(let navigation):
            switch state.focus {
            case .active:
                state.active.navigate(navigation, pageSize: layout.pageSize)
            case .graph:
                let lines = TextView(paragraphs: TrustTree.lines(state.edges), scroll: state.graphScroll)
                    .lineCount(width: layout.graph.width - 4)
                state.graphScroll.navigate(navigation, lineCount: lines, pageSize: layout.graph.height - 2)
            }
            return []
        case .paneSwitched:
            state.focus = state.focus == .active ? .graph : .active
            return []
        case .sortCycled:
            state.active.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.active.reverseSort(spec: Self.spec)
            return []
        case .filterChanged(let text):
            state.active.setFilter(text, spec: Self.spec)
            return []
        case .issueRequested:
            guard !state.isIssuing else { return [] }
            state.isIssuing = true
            return [.call("issue", { try await service.issueVoucher() }, then: VouchersMessage.issued)]
        case .issued(.success(let voucher)):
            state.isIssuing = false
            state.issued = voucher
            return [.reachable] + update(&state, .refreshRequested, context)
        case .issued(.failure(let failure)):
            state.isIssuing = false
            return Effect.report(failure)
        case .issuedKey(let key):
            guard let voucher = state.issued else { return [] }
            switch key {
            case .character("y"):
                return [.command(.copy(voucher.code, what: "the voucher code"))]
            case .escape, .enter, .character("q"):
                state.issued = nil
                return []
            default:
                return []
            }
        case .codeCopied:
            guard let voucher = state.active.selected else { return [] }
            return [.command(.copy(voucher.code, what: "the voucher code"))]
        }
    }

    public func render(_ state: VouchersState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = Self.layout(rect)
        ListView(
            state.active, title: "Active vouchers \(state.active.rows.count)/\(VoucherLimits.maxActive)",
            columns: [
                TableColumn("Code", width: .flexible(minimum: 16, weight: 3)),
                TableColumn("Expires", width: .fixed(16)),
                TableColumn("Left", width: .fixed(8), alignment: .right),
            ], isFocused: state.focus == .active, emptyText: "No active voucher. n issues one (each lasts 24 hours).",
            cell: { voucher, column in
                switch column {
                case 0: return TableCell(String(voucher.code.prefix(12)) + "…")
                case 1: return TableCell(Format.dateTime(voucher.expiresAt), role: .muted)
                default:
                    let left = voucher.expiresAt.timeIntervalSince(context.now)
                    return TableCell(
                        Format.countdown(to: voucher.expiresAt, now: context.now),
                        role: left <= 0 ? .error : (left < 3600 ? .warning : .success))
                }
            }
        ).render(in: layout.active, on: &screen, theme: theme)
        let graphNote = state.isLoadingGraph ? "loading…" : "\(state.edges.count) edges"
        let inside = Panel(title: "Trust graph", note: graphNote, isFocused: state.focus == .graph)
            .render(in: layout.graph, on: &screen, theme: theme)
        let paragraphs =
            state.graphFailure.map { [TextView.Paragraph("✖ \($0.description)", role: .error)] }
            ?? TrustTree.lines(
                state.edges, highlight: state.issued?.issuedBy.value ?? state.active.rows.first?.issuedBy.value)
        TextView(paragraphs: paragraphs, scroll: state.graphScroll)
            .render(in: inside.insetBy(dx: 1, dy: 0), on: &screen, theme: theme)
        if let voucher = state.issued { renderIssued(voucher, in: rect, on: &screen, context) }
    }

    private func renderIssued(_ voucher: Voucher, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let box = rect.centered(width: min(max(rect.width - 6, 40), 72), height: 9)
        let inside = Panel(title: "Voucher issued: shown once").render(in: box, on: &screen, theme: theme)
            .insetBy(dx: 1, dy: 0)
        let lines: [(String, StyleRole)] =
            [
                ("Give this code to the agent you vouch for:", .normal),
                ("", .normal),
            ] + TextLayout.wrap(voucher.code, width: inside.width).map { ($0, StyleRole.title) } + [
                ("", .normal),
                (
                    "Expires \(Format.dateTime(voucher.expiresAt)) (in \(Format.countdown(to: voucher.expiresAt, now: context.now)))",
                    .muted
                ),
                ("y copies it (OSC 52) · esc closes", .key),
            ]
        for (index, line) in lines.enumerated() where index < inside.height {
            screen.write(line.0, row: inside.y + index, column: inside.x, style: theme.style(line.1), clip: inside)
        }
    }

    static func layout(_ rect: Rect) -> (active: Rect, graph: Rect, pageSize: Int) {
        if rect.width >= 110 {
            let split = rect.splitLeft(rect.width * 11 / 20)
            return (split.left, split.right, ListView<Int>.pageSize(forPanelHeight: rect.height))
        }
        let split = rect.splitTop(max(rect.height / 2, 6))
        return (split.top, split.rest, ListView<Int>.pageSize(forPanelHeight: split.top.height))
    }

    public func appear(_ state: inout VouchersState, _ context: FeatureContext) -> [Effect<VouchersMessage>] {
        var effects: [Effect<VouchersMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout VouchersState, _ context: FeatureContext) -> [Effect<VouchersMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: VouchersState) -> VouchersMessage? { .refreshRequested }
    public func filterText(_ state: VouchersState) -> String? { state.active.filter }
    public func filterChanged(_ text: String) -> VouchersMessage? { .filterChanged(text) }
    public func paneMessage(next: Bool) -> VouchersMessage? { .paneSwitched }
    public func capturedKey(_ key: Key, _ state: VouchersState) -> VouchersMessage? {
        state.issued == nil ? nil : .issuedKey(key)
    }
    public func isBusy(_ state: VouchersState) -> Bool {
        state.active.isLoading || state.isIssuing || state.isLoadingGraph
    }
}
