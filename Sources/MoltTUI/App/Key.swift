/// A key the user pressed, decoded from the terminal (characters, control keys, function keys, the wheel).
public enum Key: Hashable, Sendable {
    /// A printable character (`j`, `?`, `é`, `日`).
    case character(Character)
    /// Control plus a letter, lowercased (`control("d")` is ctrl-d).
    case control(Character)
    /// Alt (meta) plus a character.
    case alt(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    /// F1…F12.
    case function(Int)
    /// The mouse wheel (when mouse support is on).
    case wheelUp, wheelDown

    /// How the key is written in help and footers: `j`, `ctrl-d`, `↑`, `PgDn`, `enter`.
    public var displayName: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let character): "ctrl-\(character)"
        case .alt(let character): "alt-\(character)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "home"
        case .end: "end"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "del"
        case .insert: "ins"
        case .function(let number): "F\(number)"
        case .wheelUp: "wheel↑"
        case .wheelDown: "wheel↓"
        }
    }

    /// The printable character, if this key types one.
    public var typedCharacter: Character? {
        if case .character(let character) = self { return character }
        return nil
    }
}
