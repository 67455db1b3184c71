/// The `?` overlay: every key of the current screen and the global ones, grouped, filterable with `/`.
public struct HelpOverlayState: Hashable, Sendable {
    /// The filter being typed, while filtering.
    public var filterEditor: LineEditor?
    /// The filter applied.
    public var filter: String
    public var scroll: ScrollPosition

    public init() {
        self.filterEditor = nil
        self.filter = ""
        self.scroll = ScrollPosition()
    }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        case handled
        case closed
    }

    /// Applies a key; `lineCount` and `pageSize` bound the scrolling.
    public mutating func handle(_ key: Key, lineCount: Int, pageSize: Int) -> Outcome {
        if var editor = filterEditor {
            switch editor.handle(key) {
            case .edited, .moved:
                filterEditor = editor
                filter = editor.text
                scroll = ScrollPosition()
            case .submitted:
                filterEditor = nil
            case .cancelled:
                filterEditor = nil
                filter = ""
                scroll = ScrollPosition()
            case .ignored:
                break
            }
            return .handled
        }
        switch key {
        case .escape where !filter.isEmpty:
            filter = ""
            scroll = ScrollPosition()
        case .escape, .character("?"), .character("q"), .enter:
            return .closed
        case .character("/"):
            filterEditor = LineEditor(filter)
        default:
            if let navigation = Navigation.allCases.first(where: { $0.keys.contains(key) }) {
                scroll.navigate(navigation, lineCount: lineCount, pageSize: pageSize)
            }
        }
        return .handled
    }

    /// The overlay's lines for `hints` under `filter`: group headings and `keys  label` rows.
    public static func lines(hints: [KeyHint], filter: String) -> [TextView.Paragraph] {
        let needle = filter.lowercased()
        let matching = hints.filter { hint in
            needle.isEmpty || hint.label.lowercased().contains(needle) || hint.keys.lowercased().contains(needle)
        }
        guard !matching.isEmpty else { return [TextView.Paragraph("No key matches “\(filter)”.", role: .muted)] }
        let keyWidth = min(max(matching.map { DisplayWidth.of($0.keys) }.max() ?? 0, 6), 22)
        var lines: [TextView.Paragraph] = []
        for group in KeyGroup.allCases {
            let entries = matching.filter { $0.group == group }
            guard !entries.isEmpty else { continue }
            if !lines.isEmpty { lines.append(TextView.Paragraph("")) }
            lines.append(TextView.Paragraph(group.title, role: .title))
            for entry in entries {
                lines.append(
                    TextView.Paragraph("  " + TextLayout.fit(entry.keys, toWidth: keyWidth) + "  " + entry.label))
            }
        }
        return lines
    }

    /// The box the overlay occupies inside `area`.
    public static func frame(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 72), height: area.height - 2)
    }

    /// Draws the overlay for the screen titled `title`.
    @discardableResult
    public func render(title: String, hints: [KeyHint], in area: Rect, on screen: inout Screen, theme: Theme)
        -> CellPosition?
    {
        let box = Self.frame(in: area)
        let note = filter.isEmpty && filterEditor == nil ? "/ filter · esc close" : "esc clears"
        let inside = Panel(title: "Keys — \(title)", note: note).render(in: box, on: &screen, theme: theme)
        guard inside.height > 1 else { return nil }
        var content = inside
        var cursor: CellPosition? = nil
        if let filterEditor {
            let parts = inside.splitTop(1)
            cursor = filterEditor.render(prompt: "/", in: parts.top, on: &screen, theme: theme)
            content = parts.rest
        } else if !filter.isEmpty {
            let parts = inside.splitTop(1)
            screen.write(
                "/" + filter, row: parts.top.y, column: parts.top.x, style: theme.style(.input), clip: parts.top)
            content = parts.rest
        }
        TextView(paragraphs: Self.lines(hints: hints, filter: filter), scroll: scroll)
            .render(in: content, on: &screen, theme: theme)
        return cursor
    }
}
