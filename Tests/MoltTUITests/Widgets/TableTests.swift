import Testing

@testable import MoltTUI

@Suite("Tables: column widths, scrolling window, large row counts")
struct TableTests {
    @Test("fixed columns keep their width, flexible ones share the rest by weight")
    func widths() {
        let columns = [
            TableColumn("a", width: .fixed(4)), TableColumn("b", width: .flexible(minimum: 5, weight: 1)),
            TableColumn("c", width: .flexible(minimum: 5, weight: 3)),
        ]
        #expect(TableColumn.widths(columns, totalWidth: 40) == [4, 11, 23])
        #expect(TableColumn.widths(columns, totalWidth: 16) == [4, 5, 5])
        #expect(TableColumn.widths(columns, totalWidth: 12) == [4, 5, 1])
        #expect(TableColumn.widths(columns, totalWidth: 8) == [4, 3, 0])
    }

    @Test("navigation moves the selection and the window follows with the least scrolling")
    func viewport() {
        var viewport = TableViewport()
        viewport.navigate(.down, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 1, offset: 0))
        viewport.navigate(.pageDown, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 11, offset: 2))
        viewport.navigate(.bottom, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 99, offset: 90))
        viewport.navigate(.halfPageUp, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 94, offset: 90))
        viewport.navigate(.top, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 0, offset: 0))
        viewport.navigate(.up, rowCount: 100, pageSize: 10)
        #expect(viewport == TableViewport(selected: 0, offset: 0))
        viewport.navigate(.down, rowCount: 0, pageSize: 10)
        #expect(viewport == TableViewport(selected: 0, offset: 0))
        #expect(TableViewport(selected: 4, offset: 0).positionText(rowCount: 9) == "5/9")
    }

    @Test("a stale viewport is clamped when drawn")
    func staleViewport() {
        #expect(TableViewport(selected: 500, offset: 495).visibleRows(rowCount: 20, pageSize: 10) == 10..<20)
    }

    @Test("a table of 100k rows only fetches the visible rows")
    func onlyVisibleRows() {
        var fetched = Set<Int>()
        var screen = Screen(size: TerminalSize(columns: 120, rows: 40))
        TableView(
            columns: [TableColumn("id", width: .flexible(minimum: 5, weight: 1))], rowCount: 100_000,
            viewport: TableViewport(selected: 54_321, offset: 54_300)
        ) { row, _ in
            fetched.insert(row)
            return TableCell("row \(row)")
        }.render(in: Rect(x: 0, y: 0, width: 120, height: 40), on: &screen, theme: .colour)
        #expect(fetched == Set(54_300..<54_339))
        #expect(screen.textLines[1].hasPrefix("row 54300"))
        #expect(screen[22, 0].style == Theme.colour.style(.selected))
    }

    @Test("the search index filters case-insensitively and narrows from earlier matches")
    func searchIndex() {
        let index = SearchIndex(["PENDING registerAgent", "success 日本語", "Pending grant", "error"])
        #expect(index.matches("pend") == [0, 2])
        #expect(index.matches("pending g", among: [0, 2]) == [2])
        #expect(index.matches("日本") == [1])
        #expect(index.matches("") == [0, 1, 2, 3])
        #expect(index.matches("zzz").isEmpty)
    }
}
