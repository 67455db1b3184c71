/// A box with a title on its top border and an optional note on the right (`3/120`); its inside is returned
/// for the content.
public struct Panel: Sendable {
    public var title: String
    public var note: String?
    /// Whether the panel has the keyboard focus (its border and title are drawn brighter).
    public var isFocused: Bool

    public init(title: String, note: String? = nil, isFocused: Bool = true) {
        self.title = title
        self.note = note
        self.isFocused = isFocused
    }

    /// Draws the border and title; returns the inside rectangle.
    @discardableResult
    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) -> Rect {
        guard rect.width >= 4, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = theme.style(isFocused ? .title : .border)
        let plainBorder = theme.style(.border)
        let style = isFocused ? border : plainBorder
        screen.fill(rect, style: theme.style(.normal))
        screen.put("┌", row: rect.y, column: rect.x, style: style)
        screen.put("┐", row: rect.y, column: rect.maxX - 1, style: style)
        screen.put("└", row: rect.maxY - 1, column: rect.x, style: style)
        screen.put("┘", row: rect.maxY - 1, column: rect.maxX - 1, style: style)
        for column in rect.x + 1..<rect.maxX - 1 {
            screen.put("─", row: rect.y, column: column, style: style)
            screen.put("─", row: rect.maxY - 1, column: column, style: style)
        }
        for row in rect.y + 1..<rect.maxY - 1 {
            screen.put("│", row: row, column: rect.x, style: style)
            screen.put("│", row: row, column: rect.maxX - 1, style: style)
        }
        var noteWidth = 0
        if let note, !note.isEmpty, rect.width > 12 {
            let text = " \(TextLayout.truncate(note, toWidth: rect.width / 2)) "
            noteWidth = DisplayWidth.of(text)
            screen.write(text, row: rect.y, column: rect.maxX - 1 - noteWidth, style: theme.style(.muted))
        }
        let room = rect.width - 4 - noteWidth
        if room > 2 {
            let heading = " \(TextLayout.truncate(title, toWidth: room - 2)) "
            screen.write(heading, row: rect.y, column: rect.x + 1, style: isFocused ? border : theme.style(.normal))
        }
        return rect.insetBy(dx: 1, dy: 1)
    }
}
