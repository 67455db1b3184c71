/// The bottom row: the most useful keys of the current screen (`enter open  / filter`), as many as fit,
/// with the pinned ones (`? help  q quit`) always at the right end.
public struct FooterHints: Sendable {
    public var hints: [KeyHint]
    public var pinned: [KeyHint]

    public init(hints: [KeyHint], pinned: [KeyHint] = []) {
        self.hints = hints
        self.pinned = pinned
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1 else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme.style(.normal))
        let pinnedWidth = pinned.reduce(0) { $0 + Self.width($1) + 2 }
        var right = row.maxX - pinnedWidth
        if right > row.x + 1 {
            for hint in pinned { right = draw(hint, at: right, row: row.y, on: &screen, theme: theme) + 2 }
        } else {
            right = row.maxX
        }
        let limit = row.maxX - pinnedWidth - 1
        var column = row.x + 1
        for hint in hints where hint.footer != nil {
            if column + Self.width(hint) > limit { break }
            column = draw(hint, at: column, row: row.y, on: &screen, theme: theme) + 2
        }
    }

    private static func width(_ hint: KeyHint) -> Int {
        DisplayWidth.of(hint.footerKey) + 1 + DisplayWidth.of(hint.footer ?? "")
    }

    private func draw(_ hint: KeyHint, at column: Int, row: Int, on screen: inout Screen, theme: Theme) -> Int {
        let next = screen.write(hint.footerKey, row: row, column: column, style: theme.style(.key))
        return screen.write(" " + (hint.footer ?? ""), row: row, column: next, style: theme.style(.muted))
    }
}
