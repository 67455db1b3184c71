/// Cell-aware text operations: truncation with an ellipsis, padding and alignment, word wrapping.
///
/// Every measure is in terminal cells (`DisplayWidth`), never `String.count`, so CJK and emoji line up.
public enum TextLayout {
    /// The ellipsis appended when text is cut.
    public static let ellipsis: Character = "…"

    /// `text` cut to at most `width` cells; when cut, it ends with `…` and never splits a wide character.
    public static func truncate(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let available = width - 1
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            if used + cells > available { break }
            result.append(character)
            used += cells
        }
        result.append(ellipsis)
        return result
    }

    /// `text` truncated and then padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width)
        let gap = width - DisplayWidth.of(cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// `text` wrapped into lines of at most `width` cells.
    ///
    /// Breaks at spaces when it can, inside a word only when the word alone is wider than a line; keeps
    /// explicit newlines (an empty line stays a line); tabs become four spaces.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrapRanges(expandingTabs(text), width: width).map { String($0.text) }
    }

    /// The characters of `text` with each tab replaced by four spaces.
    public static func expandingTabs(_ text: String) -> [Character] {
        var characters: [Character] = []
        characters.reserveCapacity(text.count)
        for character in text {
            if character == "\t" {
                characters += Array(repeating: " ", count: 4)
            } else {
                characters.append(character)
            }
        }
        return characters
    }

    /// One wrapped line: its characters and where they start in the wrapped array.
    public struct WrappedLine: Equatable, Sendable {
        /// The characters shown on this line (without the trailing break space).
        public var text: ArraySlice<Character>
        /// Index of the first character in the original array.
        public var start: Int
        /// Index one past the last character that belongs to this line (including a consumed space or newline).
        public var end: Int
    }

    /// Wraps an array of characters, remembering where each line starts, so an editor can map its cursor.
    public static func wrapRanges(_ characters: [Character], width: Int) -> [WrappedLine] {
        let width = max(width, 1)
        var lines: [WrappedLine] = []
        var lineStart = 0
        var index = 0
        var used = 0
        var lastSpace: Int? = nil
        while index < characters.count {
            let character = characters[index]
            if character == "\n" || character == "\r\n" {
                lines.append(WrappedLine(text: characters[lineStart..<index], start: lineStart, end: index + 1))
                index += 1
                lineStart = index
                used = 0
                lastSpace = nil
                continue
            }
            let cells = DisplayWidth.of(character)
            if used + cells > width, index > lineStart {
                if character == " " {
                    lines.append(WrappedLine(text: characters[lineStart..<index], start: lineStart, end: index + 1))
                    index += 1
                } else if let space = lastSpace {
                    lines.append(WrappedLine(text: characters[lineStart..<space], start: lineStart, end: space + 1))
                    index = space + 1
                } else {
                    lines.append(WrappedLine(text: characters[lineStart..<index], start: lineStart, end: index))
                }
                lineStart = index
                used = 0
                lastSpace = nil
                continue
            }
            if character == " " { lastSpace = index }
            used += cells
            index += 1
        }
        if lineStart < characters.count || lines.isEmpty || characters.last == "\n" {
            lines.append(
                WrappedLine(text: characters[lineStart..<characters.count], start: lineStart, end: characters.count))
        }
        return lines
    }
}

/// Horizontal placement of text inside a wider space.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
}
