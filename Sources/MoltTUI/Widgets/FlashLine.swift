/// The flash line: a success, information or error message (a problem's title and detail) on one row.
public struct FlashLine: Sendable {
    public var flash: Flash

    public init(flash: Flash) {
        self.flash = flash
    }

    /// The symbol before the text.
    public var symbol: Character {
        switch flash.kind {
        case .success: "✔"
        case .info: "ℹ"
        case .error: "✖"
        }
    }

    public func render(in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1, rect.width > 2 else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme.style(.normal))
        let role: StyleRole =
            switch flash.kind {
            case .success: .success
            case .info: .normal
            case .error: .error
            }
        let text = TextLayout.truncate("\(symbol) \(flash.text)", toWidth: row.width - 2)
        screen.write(text, row: row.y, column: row.x + 1, style: theme.style(role))
    }
}
