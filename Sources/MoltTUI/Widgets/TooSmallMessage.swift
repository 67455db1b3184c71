/// Shown instead of everything else when the terminal is smaller than the console needs.
public struct TooSmallMessage: Sendable {
    public var size: TerminalSize
    public var minimum: TerminalSize

    public init(size: TerminalSize, minimum: TerminalSize) {
        self.size = size
        self.minimum = minimum
    }

    /// The message, as wrapped lines for a given width.
    public func lines(width: Int) -> [String] {
        let text =
            "Terminal too small: \(size.columns)x\(size.rows). molt needs at least "
            + "\(minimum.columns)x\(minimum.rows). Enlarge the window, or press q to quit."
        return TextLayout.wrap(text, width: max(width - 2, 1))
    }

    public func render(on screen: inout Screen, theme: Theme) {
        let rect = Rect(size: screen.size)
        screen.fill(rect, style: theme.style(.normal))
        let lines = lines(width: rect.width)
        let top = max((rect.height - lines.count) / 2, 0)
        for (index, line) in lines.enumerated() where top + index < rect.height {
            let column = max((rect.width - DisplayWidth.of(line)) / 2, 0)
            screen.write(line, row: top + index, column: column, style: theme.style(index == 0 ? .warning : .normal))
        }
    }
}
