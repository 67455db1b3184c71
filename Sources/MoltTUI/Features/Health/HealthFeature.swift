/// The Health (connect) screen: the configured server, the result of `GET /health`, and a table of every check
/// so far with the selected check's response beside it. Checks run on appear, on `r` and every
/// `refreshInterval`; an unreachable server raises the app's banner.
public struct HealthFeature: Feature {
    public typealias State = HealthState
    public typealias Message = HealthMessage

    /// How checks are made (injected).
    public let check: HealthCheck
    /// The auto-refresh period, or nil for none.
    public let refreshInterval: Duration?

    public init(check: HealthCheck, refreshInterval: Duration?) {
        self.check = check
        self.refreshInterval = refreshInterval
    }

    public func title(_ state: HealthState) -> String { "Health" }

    public func bindings(_ state: HealthState, _ context: FeatureContext) -> [KeyBinding<HealthMessage>] {
        KeyBinding.navigation { .navigated($0) }
            + [
                KeyBinding([.enter], "open the selected check", footer: "open", message: .checkOpened),
                KeyBinding(
                    [.character("o")], "sort by the next column", footer: "sort", group: .view,
                    message: .sortColumnCycled),
                KeyBinding([.character("O")], "reverse the sort order", group: .view, message: .sortDirectionToggled),
                KeyBinding([.character("y")], "copy the server URL", footer: "copy", message: .serverURLCopied),
            ]
    }

    public func update(_ state: inout HealthState, _ message: HealthMessage, _ context: FeatureContext)
        -> [Effect<HealthMessage>]
    {
        let layout = HealthLayout(Rect(size: context.bodySize))
        switch message {
        case .checkRequested:
            guard !state.isChecking else { return [] }
            state.isChecking = true
            let check = check
            let url = state.serverURL
            return [.run("check") { send in send(.checkFinished(await check.run(url))) }]
        case .checkFinished(let result):
            let previous = state.latest?.result.outcome
            state.isChecking = false
            state.record(result)
            state.viewport.reveal(rowCount: state.rows.count, pageSize: layout.tablePageSize)
            return outcomeEffects(result.outcome, previous: previous)
        case .navigated(let navigation):
            switch state.focus {
            case .checks:
                state.viewport.navigate(navigation, rowCount: state.rows.count, pageSize: layout.tablePageSize)
                state.responseScroll = ScrollPosition()
            case .response:
                let text = layout.responseText
                let lines = HealthResponseText.view(state.selected, scroll: state.responseScroll)
                    .lineCount(width: text.width)
                state.responseScroll.navigate(navigation, lineCount: lines, pageSize: text.height)
            }
            return []
        case .sortColumnCycled:
            let next = (state.sort.column + 1) % HealthTable.sortableColumns.count
            state.setSort(TableSort(column: next, ascending: state.sort.ascending))
            state.viewport.reveal(rowCount: state.rows.count, pageSize: layout.tablePageSize)
            return []
        case .sortDirectionToggled:
            state.setSort(TableSort(column: state.sort.column, ascending: !state.sort.ascending))
            state.viewport.reveal(rowCount: state.rows.count, pageSize: layout.tablePageSize)
            return []
        case .filterChanged(let text):
            state.setFilter(text)
            return []
        case .paneSwitched:
            state.focus = state.focus == .checks ? .response : .checks
            return []
        case .checkOpened:
            guard let record = state.selected else { return [] }
            let detail = HealthCheckDetailState(record: record, serverURL: state.serverURL)
            return [.command(.push(.healthCheck(detail)))]
        case .serverURLCopied:
            return [.command(.copy(state.serverURL, what: "the server URL"))]
        }
    }

    /// Tells the app about reachability, and flashes when the outcome changes kind.
    private func outcomeEffects(_ outcome: HealthCheckOutcome, previous: HealthCheckOutcome?) -> [Effect<HealthMessage>]
    {
        let changed = previous?.label != outcome.label
        switch outcome {
        case .healthy:
            return [.command(.backendReachable)]
        case .unhealthy(_, let title, let detail):
            return [.command(.backendReachable)]
                + (changed ? [.command(.flash(.problem(title: title, detail: detail)))] : [])
        case .unreachable(let reason):
            return [.command(.backendUnreachable(reason: reason))]
        }
    }

    public func appear(_ state: inout HealthState, _ context: FeatureContext) -> [Effect<HealthMessage>] {
        var effects: [Effect<HealthMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .checkRequested)) }
        return effects + update(&state, .checkRequested, context)
    }

    public func disappear(_ state: inout HealthState, _ context: FeatureContext) -> [Effect<HealthMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: HealthState) -> HealthMessage? { .checkRequested }
    public func filterText(_ state: HealthState) -> String? { state.filter }
    public func filterChanged(_ text: String) -> HealthMessage? { .filterChanged(text) }
    public func paneMessage(next: Bool) -> HealthMessage? { .paneSwitched }
    public func isBusy(_ state: HealthState) -> Bool { state.isChecking }
}
