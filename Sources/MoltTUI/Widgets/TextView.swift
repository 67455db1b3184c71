/// A scrollable, wrapped block of text (details, an entry's content, the about page).
///
/// The text is a list of paragraphs, each with a meaning (`.title`, `.muted`…); each paragraph wraps at
/// word boundaries to the width it is drawn at. `ScrollPosition` says which wrapped line is at the top.
public struct TextView: Sendable {
    /// A paragraph and how it looks.
    public struct Paragraph: Hashable, Sendable {
        public var text: String
        public var role: StyleRole

        public init(_ text: String, role: StyleRole = .normal) {
            self.text = text
            self.role = role
        }
    }

    public var paragraphs: [Paragraph]
    public var scroll: ScrollPosition

    public init(paragraphs: [Paragraph], scroll: ScrollPosition) {
        self.paragraphs = paragraphs
        self.scroll = scroll
    }

    /// The wrapped lines at a width, each with its role.
    public func lines(width: Int) -> [(text: String, role: StyleRole)] {
        var lines: [(String, StyleRole)] = []
        for paragraph in paragraphs {
            for line in TextLayout.wrap(paragraph.text, width: width) {
                lines.append((line, paragraph.role))
            }
        }
        return lines
    }

    /// How many wrapped lines the text has at a width.
    public func lineCount(width: Int) -> Int {
        lines(width: width).count
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme.style(.normal))
        let all = lines(width: rect.width)
        let top = scroll.clamped(lineCount: all.count, pageSize: rect.height).offset
        for (row, line) in all.dropFirst(top).prefix(rect.height).enumerated() {
            screen.write(line.text, row: rect.y + row, column: rect.x, style: theme.style(line.role), clip: rect)
        }
        if all.count > rect.height, rect.width > 12 {
            let last = min(top + rect.height, all.count)
            let note = " \(top + 1)–\(last)/\(all.count) "
            let width = DisplayWidth.of(note)
            screen.write(note, row: rect.maxY - 1, column: rect.maxX - width, style: theme.style(.muted), clip: rect)
        }
    }
}

/// The first visible line of a scrolled text.
public struct ScrollPosition: Hashable, Sendable {
    public var offset: Int

    public init(offset: Int = 0) {
        self.offset = offset
    }

    /// Scrolls by a movement; `up`/`down` move one line, pages move a page, top/bottom go to the ends.
    public mutating func navigate(_ navigation: Navigation, lineCount: Int, pageSize: Int) {
        let page = max(pageSize, 1)
        let maximum = max(lineCount - page, 0)
        switch navigation {
        case .top: offset = 0
        case .bottom: offset = maximum
        default:
            // Move the window as if a cursor sat on its edge.
            let anchor =
                offset + (navigation == .down || navigation == .pageDown || navigation == .halfPageDown ? page - 1 : 0)
            let moved = navigation.apply(to: anchor, count: max(lineCount, 1), pageSize: page)
            offset += moved - anchor
        }
        offset = min(max(offset, 0), maximum)
    }

    /// This position kept inside the text.
    public func clamped(lineCount: Int, pageSize: Int) -> ScrollPosition {
        ScrollPosition(offset: min(max(offset, 0), max(lineCount - max(pageSize, 1), 0)))
    }
}
