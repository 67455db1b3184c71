import Foundation
public import MoltCore

/// The network's vouchers screen state: every redeemed voucher (`GET /vouch/graph`) and the tree.
public struct NetworkState: Equatable, Sendable {
    public var list: ListState<TrustGraph.Edge>
    public var focus: VouchersPane
    public var treeScroll: ScrollPosition

    public init() {
        list = ListState(sort: TableSort(column: 2, ascending: false))
        focus = .active
        treeScroll = ScrollPosition()
    }
}

/// What happens on the network's vouchers screen.
public enum NetworkMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<[TrustGraph.Edge], ConsoleFailure>)
    case navigated(Navigation)
    case paneSwitched
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case copied
}

/// Vouchers across the network (operator): every redeemed voucher, issuer → redeemer, newest first, and the
/// trust graph as a tree (`tab`). Unredeemed vouchers are private to their issuer on the public wire
/// protocols; `molt-admin` lists them from the database.
public struct NetworkFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<TrustGraph.Edge>(
        id: { "\($0.issuerFingerprint)>\($0.redeemerFingerprint)" },
        searchText: { "\($0.issuerFingerprint) \($0.redeemerFingerprint)" }, sortableColumns: 3,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<TrustGraph.Edge>.order(left.issuerFingerprint, right.issuerFingerprint)
            case 1: ListSpec<TrustGraph.Edge>.order(left.redeemerFingerprint, right.redeemerFingerprint)
            default: ListSpec<TrustGraph.Edge>.order(left.redeemedAt, right.redeemedAt)
            }
        })

    public func title(_ state: NetworkState) -> String { "Network vouchers" }

    public func bindings(_ state: NetworkState, _ context: FeatureContext) -> [KeyBinding<NetworkMessage>] {
        KeyBinding.navigation { NetworkMessage.navigated($0) } + [.copy("the redeemer's fingerprint", message: .copied)]
            + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout NetworkState, _ message: NetworkMessage, _ context: FeatureContext)
        -> [Effect<NetworkMessage>]
    {
        let layout = Self.layout(Rect(size: context.bodySize))
        switch message {
        case .refreshRequested:
            state.list.isLoading = true
            let service = service
            return [.call("load", { try await service.trustGraph() }, then: NetworkMessage.loaded)]
        case .loaded(.success(let edges)):
            state.list.replace(edges, spec: Self.spec)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            if state.focus == .active {
                state.list.navigate(navigation, pageSize: layout.pageSize)
            } else {
                let lines = TextView(paragraphs: TrustTree.lines(state.list.rows), scroll: state.treeScroll)
                    .lineCount(width: layout.tree.width - 4)
                state.treeScroll.navigate(navigation, lineCount: lines, pageSize: layout.tree.height - 2)
            }
            return []
        case .paneSwitched:
            state.focus = state.focus == .active ? .graph : .active
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
        case .copied:
            guard let edge = state.list.selected else { return [] }
            return [.command(.copy(edge.redeemerFingerprint.value, what: "the fingerprint"))]
        }
    }

    public func render(_ state: NetworkState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let layout = Self.layout(rect)
        ListView(
            state.list, title: "Redeemed vouchers",
            columns: [
                TableColumn("Issuer", width: .fixed(19)), TableColumn("Redeemer", width: .fixed(19)),
                TableColumn("Redeemed", width: .flexible(minimum: 10, weight: 1)),
            ], isFocused: state.focus == .active, emptyText: "No voucher has been redeemed yet.",
            cell: { edge, column in
                switch column {
                case 0: return TableCell(edge.issuerFingerprint.value, role: .title)
                case 1: return TableCell(edge.redeemerFingerprint.value)
                default: return TableCell(Format.dateTime(edge.redeemedAt), role: .muted)
                }
            }
        ).render(in: layout.list, on: &screen, theme: context.theme)
        let inside = Panel(title: "Trust tree", isFocused: state.focus == .graph).render(
            in: layout.tree, on: &screen, theme: context.theme)
        TextView(paragraphs: TrustTree.lines(state.list.rows), scroll: state.treeScroll)
            .render(in: inside.insetBy(dx: 1, dy: 0), on: &screen, theme: context.theme)
    }

    static func layout(_ rect: Rect) -> (list: Rect, tree: Rect, pageSize: Int) {
        if rect.width >= 110 {
            let split = rect.splitLeft(rect.width / 2)
            return (split.left, split.right, ListView<Int>.pageSize(forPanelHeight: rect.height))
        }
        let split = rect.splitTop(rect.height / 2)
        return (split.top, split.rest, ListView<Int>.pageSize(forPanelHeight: split.top.height))
    }

    public func appear(_ state: inout NetworkState, _ context: FeatureContext) -> [Effect<NetworkMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: NetworkState) -> NetworkMessage? { .refreshRequested }
    public func filterText(_ state: NetworkState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> NetworkMessage? { .filterChanged(text) }
    public func paneMessage(next: Bool) -> NetworkMessage? { .paneSwitched }
    public func isBusy(_ state: NetworkState) -> Bool { state.list.isLoading }
}
