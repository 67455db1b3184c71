/// A one-line text input: the filter (`/`), the command line (`:`), the help filter.
///
/// Editing keys: characters insert, backspace/del delete, ←/→ move, home/ctrl-a and end/ctrl-e jump,
/// ctrl-u clears to the start, ctrl-w deletes the word before the cursor; enter submits, esc cancels.
public struct LineEditor: Hashable, Sendable {
    /// The text, as grapheme clusters.
    public private(set) var characters: [Character]
    /// The cursor, an index into `characters` (0…count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.characters = Array(text)
        self.cursor = characters.count
    }

    /// The text.
    public var text: String { String(characters) }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// Enter.
        case submitted
        /// Esc.
        case cancelled
        /// The key means nothing to a line editor.
        case ignored
    }

    /// Applies a key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            characters.insert(character, at: cursor)
            cursor += 1
            return .edited
        case .backspace, .control("h"):
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .control("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .edited
        case .left:
            cursor = max(cursor - 1, 0)
            return .moved
        case .right:
            cursor = min(cursor + 1, characters.count)
            return .moved
        case .home, .control("a"):
            cursor = 0
            return .moved
        case .end, .control("e"):
            cursor = characters.count
            return .moved
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
            return .edited
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        case .enter: return .submitted
        case .escape: return .cancelled
        default: return .ignored
        }
    }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    /// Draws `prompt` and the text on one row, scrolled so the cursor is visible; returns the cursor's cell.
    @discardableResult
    public func render(prompt: String, in rect: Rect, on screen: inout Screen, theme: Theme) -> CellPosition? {
        guard rect.height >= 1, rect.width > 2 else { return nil }
        let row = rect.row(0)
        screen.fill(row, style: theme.style(.normal))
        let start = screen.write(prompt, row: row.y, column: row.x, style: theme.style(.key), clip: row)
        let room = row.maxX - start - 1
        guard room > 0 else { return nil }
        // Scroll: keep the cursor within the room, showing as much text before it as fits.
        var first = 0
        while DisplayWidth.of(characters[first..<cursor]) > room - 1 { first += 1 }
        var column = start
        var cursorColumn = start
        for index in first..<characters.count {
            if index == cursor { cursorColumn = column }
            let width = DisplayWidth.of(characters[index])
            if column + width > row.maxX - 1 { break }
            column += screen.put(characters[index], row: row.y, column: column, style: theme.style(.input), clip: row)
        }
        if cursor == characters.count { cursorColumn = column }
        return CellPosition(row: row.y, column: min(cursorColumn, row.maxX - 1))
    }
}
