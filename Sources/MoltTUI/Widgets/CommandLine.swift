/// The `:` command line: type a resource or command name, `tab` completes it, ↑/↓ walk the history.
public struct CommandLineState: Hashable, Sendable {
    public var editor: LineEditor
    /// The names matching what is typed (shown above the line).
    public private(set) var completions: [CommandName]
    /// The history entry shown, while walking the history.
    public private(set) var historyIndex: Int?

    public init(names: [CommandName]) {
        self.editor = LineEditor()
        self.completions = names
        self.historyIndex = nil
    }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        case edited
        case submitted(String)
        case cancelled
        case ignored
    }

    /// Applies a key; `names` are the known commands, `history` the earlier command lines (oldest first).
    public mutating func handle(_ key: Key, names: [CommandName], history: [String]) -> Outcome {
        switch key {
        case .tab:
            complete(names: names)
            return .edited
        case .up, .down:
            guard !history.isEmpty else { return .ignored }
            let current = historyIndex ?? history.count
            let next = key == .up ? max(current - 1, 0) : current + 1
            if next >= history.count {
                historyIndex = nil
                editor.setText("")
            } else {
                historyIndex = next
                editor.setText(history[next])
            }
            completions = Self.matches(editor.text, in: names)
            return .edited
        default:
            switch editor.handle(key) {
            case .edited:
                historyIndex = nil
                completions = Self.matches(editor.text, in: names)
                return .edited
            case .moved: return .edited
            case .submitted: return .submitted(editor.text.trimmingSpaces)
            case .cancelled: return .cancelled
            case .ignored: return .ignored
            }
        }
    }

    /// Completes the typed word: to the single match, or to the longest prefix all matches share.
    public mutating func complete(names: [CommandName]) {
        let matches = Self.matches(editor.text, in: names)
        completions = matches
        guard !matches.isEmpty else { return }
        if matches.count == 1 {
            editor.setText(matches[0].name)
            return
        }
        var prefix = matches[0].name
        for match in matches.dropFirst() {
            while !match.name.hasPrefix(prefix) { prefix.removeLast() }
        }
        if prefix.count > editor.text.trimmingSpaces.count { editor.setText(prefix) }
    }

    /// The names whose name or an alias starts with `text` (all names for empty text), by name.
    public static func matches(_ text: String, in names: [CommandName]) -> [CommandName] {
        let typed = text.trimmingSpaces.lowercased()
        guard !typed.isEmpty else { return names }
        return names.filter { name in
            name.name.hasPrefix(typed) || name.aliases.contains { $0.hasPrefix(typed) }
        }
    }

    /// Draws the completions above `rect`'s row (up to `maximumRows`) and the input line in it.
    @discardableResult
    public func render(in rect: Rect, maximumRows: Int, on screen: inout Screen, theme: Theme) -> CellPosition? {
        let shown = completions.prefix(max(min(maximumRows, rect.y), 0))
        let nameWidth = min((shown.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2, 24)
        for (index, name) in shown.enumerated() {
            let y = rect.y - shown.count + index
            let row = Rect(x: rect.x, y: y, width: rect.width, height: 1)
            screen.fill(row, style: theme.style(.dialog))
            var text = " " + TextLayout.fit(name.name, toWidth: nameWidth) + name.summary
            if !name.aliases.isEmpty { text += " (" + name.aliases.joined(separator: ", ") + ")" }
            let role: StyleRole = index == 0 && shown.count == 1 ? .selected : .muted
            screen.write(
                TextLayout.truncate(text, toWidth: rect.width), row: y, column: rect.x, style: theme.style(role))
        }
        return editor.render(prompt: ":", in: rect, on: &screen, theme: theme)
    }
}

/// A name the command line knows: a screen (`health`) or a command (`quit`), its aliases and a summary.
public struct CommandName: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String

    public init(_ name: String, aliases: [String] = [], summary: String) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
    }

    /// Whether `word` names it (its name or an alias, exactly).
    public func isNamed(_ word: String) -> Bool {
        name == word || aliases.contains(word)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
