/// Which row of a list is selected and which rows are visible: the scrolling window of a table.
///
/// Only `pageSize` rows are ever drawn, starting at `offset`, so a table of 100k rows costs the same to
/// render as one of 20. The selection moves with `Navigation` and the window follows it with the least
/// scrolling.
public struct TableViewport: Hashable, Sendable {
    /// The selected row (0 when the list is empty).
    public var selected: Int
    /// The first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection and scrolls so it stays visible.
    public mutating func navigate(_ navigation: Navigation, rowCount: Int, pageSize: Int) {
        selected = navigation.apply(to: selected, count: rowCount, pageSize: pageSize)
        reveal(rowCount: rowCount, pageSize: pageSize)
    }

    /// Clamps to the rows there are, and scrolls so the selection is visible.
    public mutating func reveal(rowCount: Int, pageSize: Int) {
        let page = max(pageSize, 1)
        selected = rowCount == 0 ? 0 : min(max(selected, 0), rowCount - 1)
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        offset = min(max(offset, 0), max(rowCount - page, 0))
    }

    /// The rows drawn in a window of `pageSize` rows (clamped, so a stale viewport still draws sensibly).
    public func visibleRows(rowCount: Int, pageSize: Int) -> Range<Int> {
        var copy = self
        copy.reveal(rowCount: rowCount, pageSize: pageSize)
        return copy.offset..<min(copy.offset + max(pageSize, 0), rowCount)
    }

    /// `12/340` (1-based), or `0/0` when empty.
    public func positionText(rowCount: Int) -> String {
        rowCount == 0 ? "0/0" : "\(min(selected, rowCount - 1) + 1)/\(rowCount)"
    }
}
