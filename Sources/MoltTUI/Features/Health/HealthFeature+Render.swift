extension HealthFeature {
    public func render(_ state: HealthState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = HealthLayout(rect)
        let summary = Panel(title: "Server").render(in: layout.summary, on: &screen, theme: theme)
        renderSummary(state, in: summary, on: &screen, theme: theme)

        let position = state.viewport.positionText(rowCount: state.rows.count)
        let checksTitle = state.filter.isEmpty ? "Checks" : "Checks /\(state.filter)"
        let table = Panel(title: checksTitle, note: position, isFocused: state.focus == .checks)
            .render(in: layout.checks, on: &screen, theme: theme)
        TableView(
            columns: HealthTable.columns, rowCount: state.rows.count, viewport: state.viewport, sort: state.sort,
            isFocused: state.focus == .checks,
            emptyText: state.filter.isEmpty ? "No check has finished yet." : "No check matches the filter.",
            cell: { row, column in HealthTable.cell(state.checks[state.rows[row]], column: column) }
        ).render(in: table, on: &screen, theme: theme)

        let responseTitle = state.selected.map { "Check #\($0.number)" } ?? "Response"
        Panel(title: responseTitle, isFocused: state.focus == .response)
            .render(in: layout.response, on: &screen, theme: theme)
        HealthResponseText.view(state.selected, scroll: state.responseScroll)
            .render(in: layout.responseText, on: &screen, theme: theme)
    }

    private func renderSummary(_ state: HealthState, in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1 else { return }
        let inner = rect.insetBy(dx: 1, dy: 0)
        var column = screen.write("Server  ", row: inner.y, column: inner.x, style: theme.style(.muted), clip: inner)
        screen.write(state.serverURL, row: inner.y, column: column, style: theme.style(.title), clip: inner)
        guard inner.height >= 2 else { return }
        column = screen.write("Status  ", row: inner.y + 1, column: inner.x, style: theme.style(.muted), clip: inner)
        if let latest = state.latest {
            let outcome = latest.result.outcome
            column = screen.write(
                "● \(outcome.label)", row: inner.y + 1, column: column, style: theme.style(HealthTable.role(outcome)),
                clip: inner)
            var facts = " · \(HealthTable.detail(outcome))"
            if let response = outcome.response { facts += " · HTTP \(response.httpStatus)" }
            facts += " · \(HealthTable.latency(latest.result.milliseconds))"
            facts += " · at \(HealthTable.clockTime(latest.result.startedAt))"
            screen.write(
                TextLayout.truncate(facts, toWidth: inner.maxX - column), row: inner.y + 1, column: column,
                style: theme.style(.normal), clip: inner)
        } else {
            let text = state.isChecking ? "checking…" : "not checked yet"
            screen.write(text, row: inner.y + 1, column: column, style: theme.style(.muted), clip: inner)
        }
        guard inner.height >= 3 else { return }
        let refresh = refreshInterval.map { "every \($0.components.seconds)s" } ?? "off"
        let serverTime = state.latest?.result.outcome.response?.timestamp ?? "—"
        let line = "Refresh \(refresh) · server clock \(serverTime) · \(state.checks.count) checks"
        screen.write(
            TextLayout.truncate(line, toWidth: inner.width), row: inner.y + 2, column: inner.x,
            style: theme.style(.muted), clip: inner)
    }
}

/// Where the Health screen's panels go: the server summary on top, then the checks table and the response,
/// side by side when there are 100 columns or more, else one above the other.
struct HealthLayout {
    let summary: Rect
    let checks: Rect
    let response: Rect

    init(_ rect: Rect) {
        let parts = rect.splitTop(5)
        summary = parts.top
        if rect.width >= 100 {
            let split = parts.rest.splitLeft(parts.rest.width * 3 / 5)
            checks = split.left
            response = split.right
        } else {
            let split = parts.rest.splitTop(parts.rest.height * 3 / 5)
            checks = split.top
            response = split.rest
        }
    }

    /// Where the response text goes inside its panel.
    var responseText: Rect { response.insetBy(dx: 2, dy: 1) }

    /// Data rows the checks table shows.
    var tablePageSize: Int { TableView.pageSize(forHeight: checks.height - 2) }
}
