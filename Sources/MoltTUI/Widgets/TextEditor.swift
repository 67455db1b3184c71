/// A multi-line text editor for diary entries: soft-wrapped at word boundaries, a cursor that moves by
/// character and by visual line, and scrolling that keeps the cursor visible.
///
/// Keys: characters type, enter breaks the line, tab inserts four spaces, backspace/del delete, arrows
/// move, home/end go to the visual line's start/end, PgUp/PgDn move a page, ctrl-s saves, esc cancels.
public struct TextEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// The cursor, an index into `characters` (0…count).
    public private(set) var cursor: Int
    /// The first visible visual line.
    public private(set) var top: Int
    /// The column up/down try to keep.
    private var preferredColumn: Int?

    public init(_ text: String = "") {
        self.characters = Array(text)
        self.cursor = characters.count
        self.top = 0
    }

    public var text: String { String(characters) }

    public enum Outcome: Hashable, Sendable {
        case edited, moved, saved, cancelled, ignored
    }

    /// Where the cursor is: visual line and cell column, at a width.
    public func cursorLocation(width: Int) -> (line: Int, column: Int) {
        let lines = TextLayout.wrapRanges(characters, width: width)
        let line = Self.line(containing: cursor, in: lines, count: characters.count)
        let column = DisplayWidth.of(characters[lines[line].start..<cursor])
        return (line, min(column, max(width - 1, 0)))
    }

    /// Applies a key for an editor `width` cells wide and `height` lines high.
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Outcome {
        let outcome: Outcome
        switch key {
        case .character(let character):
            insert([character])
            outcome = .edited
        case .enter:
            insert(["\n"])
            outcome = .edited
        case .tab:
            insert(Array(repeating: " ", count: 4))
            outcome = .edited
        case .backspace:
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
            preferredColumn = nil
            outcome = .edited
        case .delete:
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            preferredColumn = nil
            outcome = .edited
        case .left:
            cursor = max(cursor - 1, 0)
            preferredColumn = nil
            outcome = .moved
        case .right:
            cursor = min(cursor + 1, characters.count)
            preferredColumn = nil
            outcome = .moved
        case .up, .down, .pageUp, .pageDown:
            let step = key == .up ? -1 : key == .down ? 1 : key == .pageUp ? -max(height - 1, 1) : max(height - 1, 1)
            moveVertically(by: step, width: width)
            outcome = .moved
        case .home, .end:
            let lines = TextLayout.wrapRanges(characters, width: width)
            let line = lines[Self.line(containing: cursor, in: lines, count: characters.count)]
            cursor = key == .home ? line.start : line.start + line.text.count
            preferredColumn = nil
            outcome = .moved
        case .control("s"): return .saved
        case .escape: return .cancelled
        default: return .ignored
        }
        scrollToCursor(width: width, height: height)
        return outcome
    }

    /// Draws the visible lines; returns the cursor's cell.
    @discardableResult
    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) -> CellPosition? {
        guard !rect.isEmpty else { return nil }
        screen.fill(rect, style: theme.style(.input))
        let lines = TextLayout.wrapRanges(characters, width: rect.width)
        for (row, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            screen.write(String(line.text), row: rect.y + row, column: rect.x, style: theme.style(.input), clip: rect)
        }
        let location = cursorLocation(width: rect.width)
        guard location.line >= top, location.line < top + rect.height else { return nil }
        return CellPosition(row: rect.y + location.line - top, column: rect.x + location.column)
    }

    private mutating func insert(_ inserted: [Character]) {
        characters.insert(contentsOf: inserted, at: cursor)
        cursor += inserted.count
        preferredColumn = nil
    }

    private mutating func moveVertically(by step: Int, width: Int) {
        let lines = TextLayout.wrapRanges(characters, width: width)
        let current = Self.line(containing: cursor, in: lines, count: characters.count)
        let column = preferredColumn ?? DisplayWidth.of(characters[lines[current].start..<cursor])
        let target = min(max(current + step, 0), lines.count - 1)
        if target == current {
            cursor = step < 0 ? 0 : characters.count
            return
        }
        let line = lines[target]
        var index = line.start
        var used = 0
        while index < line.start + line.text.count {
            let width = DisplayWidth.of(characters[index])
            if used + width > column { break }
            used += width
            index += 1
        }
        cursor = index
        preferredColumn = column
    }

    private mutating func scrollToCursor(width: Int, height: Int) {
        let line = cursorLocation(width: width).line
        if line < top { top = line }
        if line >= top + max(height, 1) { top = line - max(height, 1) + 1 }
    }

    /// The visual line holding `cursor`.
    static func line(containing cursor: Int, in lines: [TextLayout.WrappedLine], count: Int) -> Int {
        for (index, line) in lines.enumerated() where cursor >= line.start && cursor < line.end {
            return index
        }
        return lines.count - 1
    }
}
