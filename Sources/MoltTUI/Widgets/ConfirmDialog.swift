/// A confirmation dialog before anything destructive: `y` or enter on the confirm button confirms; `n`, esc
/// or enter on Cancel cancels; tab/←/→ move between the buttons. Destructive requests start on Cancel.
public struct ConfirmDialogState<Message: Sendable>: Sendable {
    public var request: ConfirmRequest<Message>
    /// Whether the confirm button (rather than Cancel) has the focus.
    public var confirmFocused: Bool

    public init(_ request: ConfirmRequest<Message>) {
        self.request = request
        self.confirmFocused = !request.isDestructive
    }

    public enum Outcome: Hashable, Sendable {
        case handled, confirmed, cancelled
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character("y"), .character("Y"): return .confirmed
        case .character("n"), .character("N"), .escape, .character("q"): return .cancelled
        case .enter: return confirmFocused ? .confirmed : .cancelled
        case .tab, .backTab, .left, .right, .character("h"), .character("l"):
            confirmFocused.toggle()
            return .handled
        default: return .handled
        }
    }

    /// Draws the dialog centred in `area`.
    public func render(in area: Rect, on screen: inout Screen, theme: Theme) {
        let width = min(max(area.width - 8, 20), 60)
        let bodyLines = TextLayout.wrap(request.body, width: width - 4)
        let box = area.centered(width: width, height: bodyLines.count + 4)
        let inside = Panel(title: request.title).render(in: box, on: &screen, theme: theme).insetBy(dx: 1, dy: 0)
        guard inside.height >= 2 else { return }
        for (index, line) in bodyLines.enumerated() where index < inside.height - 2 {
            screen.write(line, row: inside.y + index, column: inside.x, style: theme.style(.dialog), clip: inside)
        }
        let cancel = " Cancel (n) "
        let confirm = " \(request.confirmLabel) (y) "
        let buttonsWidth = DisplayWidth.of(cancel) + 2 + DisplayWidth.of(confirm)
        var column = inside.x + max((inside.width - buttonsWidth) / 2, 0)
        let row = inside.maxY - 1
        let focused = theme.style(.buttonFocused)
        let plain = theme.style(.normal)
        column = screen.write(cancel, row: row, column: column, style: confirmFocused ? plain : focused, clip: inside)
        let confirmStyle = confirmFocused ? (request.isDestructive ? theme.style(.banner) : focused) : plain
        screen.write(confirm, row: row, column: column + 2, style: confirmStyle, clip: inside)
    }
}

extension ConfirmDialogState: Equatable where Message: Equatable {}
