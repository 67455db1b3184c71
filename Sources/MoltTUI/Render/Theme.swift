/// Turns `StyleRole`s into concrete `Style`s: the colour theme, or the monochrome one for `NO_COLOR`.
///
/// Monochrome uses only bold, dim, reverse and underline, which every terminal shows and which stay
/// readable when colours are off (https://no-color.org).
public struct Theme: Sendable, Equatable {
    /// The theme's name (`colour`, `monochrome`).
    public let name: String
    private let styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role (plain when the theme does not define it).
    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? .plain
    }

    /// Whether the theme uses colours at all.
    public var usesColour: Bool {
        styles.values.contains { $0.foreground != nil || $0.background != nil }
    }

    /// The default theme: cyan header, green success, red errors.
    public static let colour = Theme(
        name: "colour",
        styles: [
            .normal: .plain,
            .header: Style(foreground: .black, background: .cyan),
            .headerAccent: Style(foreground: .black, background: .cyan, attributes: .bold),
            .breadcrumb: Style(foreground: .cyan),
            .title: Style(foreground: .cyan, attributes: .bold),
            .tableHeader: Style(attributes: [.bold, .underline]),
            .selected: Style(foreground: .black, background: .cyan),
            .selectedInactive: Style(attributes: .reverse),
            .error: Style(foreground: .red, attributes: .bold),
            .success: Style(foreground: .green),
            .warning: Style(foreground: .yellow),
            .muted: Style(attributes: .dim),
            .key: Style(foreground: .cyan, attributes: .bold),
            .border: Style(foreground: .blue),
            .banner: Style(foreground: .white, background: .red, attributes: .bold),
            .input: Style(foreground: .yellow),
            .match: Style(foreground: .yellow, attributes: .underline),
            .dialog: .plain,
            .buttonFocused: Style(foreground: .black, background: .cyan, attributes: .bold),
        ])

    /// The theme without colour, for `NO_COLOR` and terminals without colour support.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .normal: .plain,
            .header: Style(attributes: .reverse),
            .headerAccent: Style(attributes: [.reverse, .bold]),
            .breadcrumb: Style(attributes: .bold),
            .title: Style(attributes: .bold),
            .tableHeader: Style(attributes: [.bold, .underline]),
            .selected: Style(attributes: .reverse),
            .selectedInactive: Style(attributes: .underline),
            .error: Style(attributes: .bold),
            .success: .plain,
            .warning: Style(attributes: .bold),
            .muted: Style(attributes: .dim),
            .key: Style(attributes: .bold),
            .border: .plain,
            .banner: Style(attributes: [.reverse, .bold]),
            .input: Style(attributes: .underline),
            .match: Style(attributes: .underline),
            .dialog: .plain,
            .buttonFocused: Style(attributes: [.reverse, .bold]),
        ])

    /// The theme for an environment: monochrome when `NO_COLOR` is set to anything non-empty.
    public static func forEnvironment(_ environment: [String: String], forceMonochrome: Bool = false) -> Theme {
        if forceMonochrome { return .monochrome }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return .colour
    }
}
