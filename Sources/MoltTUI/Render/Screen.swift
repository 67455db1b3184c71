/// An off-screen grid of cells: what `render` produces and what the terminal backend shows.
///
/// Writing keeps wide graphemes whole: a wide grapheme that does not fit before the right edge (or a clip
/// rectangle) becomes a blank, and overwriting either half of a wide grapheme blanks its other half.
public struct Screen: Hashable, Sendable {
    /// The grid's size.
    public let size: TerminalSize
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should be (a text input), or nil to hide it.
    public var cursor: CellPosition?

    public init(size: TerminalSize, fill: Cell = .blank()) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.columns * size.rows)
    }

    public var width: Int { size.columns }
    public var height: Int { size.rows }

    /// The cell at a row and column.
    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// The cells of one row.
    public func row(_ index: Int) -> ArraySlice<Cell> {
        cells[index * size.columns..<(index + 1) * size.columns]
    }

    /// Whether a position is on the screen.
    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < size.rows && column >= 0 && column < size.columns
    }

    /// Puts one grapheme at a position, clipped to `clip` (the whole screen by default).
    /// - Returns: the cells it advanced (0 when it did not fit).
    @discardableResult
    public mutating func put(
        _ character: Character, row: Int, column: Int, style: Style, clip: Rect? = nil
    ) -> Int {
        let bounds = clip.map { $0.intersection(Rect(size: size)) } ?? Rect(size: size)
        guard row >= bounds.y, row < bounds.maxY, column >= bounds.x, column < bounds.maxX else { return 0 }
        let printable = DisplayWidth.printable(character)
        let width = DisplayWidth.of(printable)
        if width == 0 { return 0 }
        if width == 2 && column + 1 >= bounds.maxX {
            set(Cell.blank(style), row: row, column: column)
            return 1
        }
        set(Cell(printable, width: UInt8(width), style: style), row: row, column: column)
        if width == 2 { set(Cell.continuation(style), row: row, column: column + 1) }
        return width
    }

    /// Writes text from a position, one grapheme after another, clipped to `clip` and to `maxWidth` cells.
    /// - Returns: the column after the last cell written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, row: Int, column: Int, style: Style, maxWidth: Int? = nil, clip: Rect? = nil
    ) -> Int {
        var column = column
        let limit = maxWidth.map { column + $0 } ?? Int.max
        for character in text {
            if column >= limit || column >= size.columns { break }
            let cells = DisplayWidth.of(DisplayWidth.printable(character))
            if cells == 0 { continue }
            if column + cells > limit {
                put(" ", row: row, column: column, style: style, clip: clip)
                column += 1
                break
            }
            column += put(character, row: row, column: column, style: style, clip: clip)
        }
        return column
    }

    /// Fills a rectangle with blanks (or a repeated narrow character) in a style.
    public mutating func fill(_ rect: Rect, style: Style, with character: Character = " ") {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                set(Cell(character, width: 1, style: style), row: row, column: column)
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text (a selection highlight).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(Rect(size: size))
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * size.columns + column].style = transform(cells[row * size.columns + column].style)
            }
        }
    }

    /// The screen's text, a line per row, continuation cells left out and trailing spaces kept.
    public var textLines: [String] {
        (0..<size.rows).map { index in
            var line = ""
            for cell in row(index) where !cell.isContinuation {
                line.append(cell.grapheme)
            }
            return line
        }
    }

    /// Stores a cell, blanking the other half of any wide grapheme it overwrites.
    private mutating func set(_ cell: Cell, row: Int, column: Int) {
        let index = row * size.columns + column
        let old = cells[index]
        if old.isContinuation, column > 0 {
            cells[index - 1] = Cell.blank(cells[index - 1].style)
        }
        if old.width == 2, column + 1 < size.columns, cell.width != 2 {
            cells[index + 1] = Cell.blank(cells[index + 1].style)
        }
        cells[index] = cell
    }
}
