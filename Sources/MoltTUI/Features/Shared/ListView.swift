/// Draws a `ListState` as a table inside a titled panel: the position note (`12/340`), the sort marker,
/// and, when there are no rows, why (loading, a failure, nothing matching the filter, or `emptyText`).
public struct ListView<Row: Equatable & Sendable> {
    public var list: ListState<Row>
    public var title: String
    public var columns: [TableColumn]
    public var isFocused: Bool
    public var emptyText: String
    public var cell: (Row, Int) -> TableCell

    public init(
        _ list: ListState<Row>, title: String, columns: [TableColumn], isFocused: Bool = true, emptyText: String,
        cell: @escaping (Row, Int) -> TableCell
    ) {
        self.list = list
        self.title = title
        self.columns = columns
        self.isFocused = isFocused
        self.emptyText = emptyText
        self.cell = cell
    }

    /// The data rows a list panel of `height` rows shows.
    public static func pageSize(forPanelHeight height: Int) -> Int {
        TableView.pageSize(forHeight: height - 2)
    }

    /// What the table says when it has no rows.
    public var placeholder: String {
        if let failure = list.failure { return "✖ \(failure.description)" }
        if !list.hasLoaded { return list.isLoading ? "Loading…" : "Not loaded yet." }
        if !list.filter.isEmpty { return "Nothing matches /\(list.filter)." }
        return emptyText
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        let heading = list.filter.isEmpty ? title : "\(title) /\(list.filter)"
        let inside = Panel(title: heading, note: list.viewport.positionText(rowCount: list.count), isFocused: isFocused)
            .render(in: rect, on: &screen, theme: theme)
        let list = list
        let cell = cell
        TableView(
            columns: columns, rowCount: list.count, viewport: list.viewport, sort: list.sort, isFocused: isFocused,
            emptyText: placeholder, cell: { row, column in cell(list.row(at: row), column) }
        ).render(in: inside, on: &screen, theme: theme)
    }
}

/// Lines of `label  value` facts for detail panes.
public enum FactLines {
    /// Paragraphs `label` padded to `width`, then the value (muted labels are not possible in a paragraph,
    /// so the whole line is normal text).
    public static func paragraphs(_ facts: [(String, String)], role: StyleRole = .normal) -> [TextView.Paragraph] {
        let width = (facts.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        return facts.map { TextView.Paragraph(TextLayout.fit($0.0, toWidth: width) + $0.1, role: role) }
    }

    /// Draws `label value` rows into `rect` (labels muted), one per row, as many as fit.
    public static func render(
        _ facts: [(String, String, StyleRole)], in rect: Rect, on screen: inout Screen, theme: Theme
    ) {
        let width = (facts.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        for (index, fact) in facts.enumerated() where index < rect.height {
            let row = rect.row(index)
            let column = screen.write(
                TextLayout.fit(fact.0, toWidth: min(width, row.width)), row: row.y, column: row.x,
                style: theme.style(.muted), clip: row)
            screen.write(
                TextLayout.truncate(fact.1, toWidth: max(row.maxX - column, 0)), row: row.y, column: column,
                style: theme.style(fact.2), clip: row)
        }
    }
}
