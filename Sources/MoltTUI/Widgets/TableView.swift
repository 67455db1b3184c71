/// Draws a table: a heading row (with the sort indicator) and the visible window of rows, the selected one
/// highlighted. Cells are fetched through `cell` for visible rows only.
public struct TableView {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var viewport: TableViewport
    public var sort: TableSort?
    /// Whether the table has the focus (the selection is drawn in the inactive style otherwise).
    public var isFocused: Bool
    /// Shown when there are no rows.
    public var emptyText: String
    /// The cell at a row and column (only called for visible rows).
    public var cell: (_ row: Int, _ column: Int) -> TableCell

    public init(
        columns: [TableColumn], rowCount: Int, viewport: TableViewport, sort: TableSort? = nil,
        isFocused: Bool = true, emptyText: String = "Nothing to show", cell: @escaping (Int, Int) -> TableCell
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.viewport = viewport
        self.sort = sort
        self.isFocused = isFocused
        self.emptyText = emptyText
        self.cell = cell
    }

    /// The rows of data a table of `height` rows shows (one row is the heading).
    public static func pageSize(forHeight height: Int) -> Int {
        max(height - 1, 1)
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1, rect.width >= 1 else { return }
        screen.fill(rect, style: theme.style(.normal))
        let widths = TableColumn.widths(columns, totalWidth: rect.width)
        let header = theme.style(.tableHeader)
        var column = rect.x
        for (index, spec) in columns.enumerated() where widths[index] > 0 {
            var title = spec.title
            if let sort, sort.column == index { title += " \(sort.indicator)" }
            let text = TextLayout.fit(title, toWidth: widths[index], alignment: spec.alignment)
            screen.write(text, row: rect.y, column: column, style: header, clip: rect)
            column += widths[index] + 1
        }
        let body = rect.splitTop(1).rest
        guard body.height > 0 else { return }
        if rowCount == 0 {
            screen.write(
                TextLayout.truncate(emptyText, toWidth: body.width - 1), row: body.y, column: body.x + 1,
                style: theme.style(.muted))
            return
        }
        let visible = viewport.visibleRows(rowCount: rowCount, pageSize: body.height)
        let selected = min(viewport.selected, rowCount - 1)
        for (line, rowIndex) in visible.enumerated() {
            let y = body.y + line
            var x = body.x
            for (index, spec) in columns.enumerated() where widths[index] > 0 {
                let content = cell(rowIndex, index)
                let text = TextLayout.fit(content.text, toWidth: widths[index], alignment: spec.alignment)
                screen.write(text, row: y, column: x, style: theme.style(content.role), clip: body)
                x += widths[index] + 1
            }
            if rowIndex == selected {
                let highlight = theme.style(isFocused ? .selected : .selectedInactive)
                screen.restyle(body.row(line)) { _ in highlight }
            }
        }
    }
}
