/// How one cell looks: foreground and background colour and text attributes.
///
/// Styles are concrete (a theme has already turned semantic roles into colours), so a rendered `Screen` says
/// exactly what the terminal will show, and golden snapshots catch colour changes as well as text changes.
public struct Style: Hashable, Sendable {
    /// The text colour; nil is the terminal's default.
    public var foreground: TerminalColor?
    /// The background colour; nil is the terminal's default.
    public var background: TerminalColor?
    /// Bold, dim, reverse, underline, italic.
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil, attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with more attributes.
    public func adding(_ more: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(more)
        return copy
    }

    /// A short description for snapshots: `fg=cyan bg=blue bold`, or `default`.
    public var annotation: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=\(foreground.name)") }
        if let background { parts.append("bg=\(background.name)") }
        parts += attributes.names
        return parts.isEmpty ? "default" : parts.joined(separator: " ")
    }
}

/// Text attributes a terminal can show.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// The attribute names in a fixed order, for snapshots.
    public var names: [String] {
        let all: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline"), (.italic, "italic"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}

/// A terminal colour: one of the eight ANSI colours, its bright variant, or a 256-colour palette index.
public enum TerminalColor: Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The palette index (0–255) terminals use for this colour.
    public var paletteIndex: Int {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        case .indexed(let index): Int(index)
        }
    }

    /// The colour's name, for snapshots.
    public var name: String {
        switch self {
        case .indexed(let index): "\(index)"
        default: String(describing: self)
        }
    }
}
