extension Screen {
    /// A readable text picture of the screen for golden tests: each row's text followed by a line of style
    /// letters (one per cell), then a legend mapping each letter to its style.
    ///
    /// ```
    /// screen 20x2, cursor hidden
    ///  0 │molt · Health       │
    ///    │AAAAAAAAAAAAAAAAAAAA│
    ///  1 │日本 ok             │
    ///    │BBBB................│
    /// styles:
    ///   . default
    ///   A fg=black bg=cyan
    ///   B bold
    /// ```
    /// A wide grapheme shows once in the text line and covers two letters in the style line.
    public var snapshot: String {
        var letters: [Style: Character] = [.plain: "."]
        var order: [Style] = [.plain]
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        func letter(for style: Style) -> Character {
            if let known = letters[style] { return known }
            let next = order.count - 1 < alphabet.count ? alphabet[order.count - 1] : "?"
            letters[style] = next
            order.append(style)
            return next
        }
        let cursorText = cursor.map { "cursor at row \($0.row) column \($0.column)" } ?? "cursor hidden"
        var lines = ["screen \(size), \(cursorText)"]
        let numberWidth = String(max(size.rows - 1, 0)).count
        for index in 0..<size.rows {
            var text = ""
            var styles = ""
            for cell in row(index) {
                if !cell.isContinuation { text.append(cell.grapheme) }
                styles.append(letter(for: cell.style))
            }
            let number = String(index)
            let pad = String(repeating: " ", count: numberWidth - number.count)
            lines.append("\(pad)\(number) │\(text)│")
            lines.append("\(String(repeating: " ", count: numberWidth)) │\(styles)│")
        }
        lines.append("styles:")
        for style in order {
            lines.append("  \(letters[style]!) \(style.annotation)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
