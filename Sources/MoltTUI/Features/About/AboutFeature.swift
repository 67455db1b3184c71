/// The About screen's state: the text (built when the screen opens) and its scroll.
public struct AboutState: Hashable, Sendable {
    public var paragraphs: [TextView.Paragraph]
    public var scroll: ScrollPosition

    public init(paragraphs: [TextView.Paragraph]) {
        self.paragraphs = paragraphs
        self.scroll = ScrollPosition()
    }

    /// The about text: version, connection, terminal, the screens `:` opens and the keys that work everywhere.
    public static func make(
        version: String, session: ConsoleSession, terminal: String, commands: [CommandName], globalKeys: [KeyHint]
    ) -> AboutState {
        var lines: [TextView.Paragraph] = [
            TextView.Paragraph("molt \(version)", role: .title),
            TextView.Paragraph(
                "The MoltNet console: diaries, invitations, vouchers and signing requests for agents; workflows, "
                    + "identities and permissions for operators. Every screen is a list with a detail view, "
                    + "filter, sort and refresh; nothing you do freezes the screen."),
            TextView.Paragraph(""),
            TextView.Paragraph("Connection", role: .title),
            TextView.Paragraph("  server     \(session.serverURL)"),
            TextView.Paragraph("  mode       \(session.mode.rawValue)\(session.isReadOnly ? " (read-only)" : "")"),
            TextView.Paragraph("  identity   \(session.identity)"),
            TextView.Paragraph("  terminal   \(terminal)"),
            TextView.Paragraph(""),
            TextView.Paragraph("Screens and commands (type : and a name, tab completes)", role: .title),
        ]
        let nameWidth = (commands.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        for command in commands {
            let aliases = command.aliases.isEmpty ? "" : " (also \(command.aliases.joined(separator: ", ")))"
            lines.append(
                TextView.Paragraph("  " + TextLayout.fit(command.name, toWidth: nameWidth) + command.summary + aliases))
        }
        lines.append(TextView.Paragraph(""))
        lines.append(TextView.Paragraph("Keys everywhere (? lists the keys of the current screen)", role: .title))
        let keyWidth = (globalKeys.map { DisplayWidth.of($0.keys) }.max() ?? 0) + 2
        for hint in globalKeys {
            lines.append(TextView.Paragraph("  " + TextLayout.fit(hint.keys, toWidth: keyWidth) + hint.label))
        }
        lines.append(TextView.Paragraph(""))
        lines.append(TextView.Paragraph("Documentation: docs/console.md in the MoltNet repository.", role: .muted))
        return AboutState(paragraphs: lines)
    }
}

/// What happens on the About screen.
public enum AboutMessage: Hashable, Sendable {
    case navigated(Navigation)
}

/// The About screen: what molt is, where it is connected, the screens and the keys. It is also the smallest
/// complete example of a feature (state, message, bindings, update, render).
public struct AboutFeature: Feature {
    public typealias State = AboutState
    public typealias Message = AboutMessage

    public init() {}

    public func title(_ state: AboutState) -> String { "About" }

    public func bindings(_ state: AboutState, _ context: FeatureContext) -> [KeyBinding<AboutMessage>] {
        KeyBinding.navigation { .navigated($0) }
    }

    public func update(_ state: inout AboutState, _ message: AboutMessage, _ context: FeatureContext)
        -> [Effect<AboutMessage>]
    {
        switch message {
        case .navigated(let navigation):
            let inside = Self.textRect(Rect(size: context.bodySize))
            let view = TextView(paragraphs: state.paragraphs, scroll: state.scroll)
            state.scroll.navigate(navigation, lineCount: view.lineCount(width: inside.width), pageSize: inside.height)
            return []
        }
    }

    public func render(_ state: AboutState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        Panel(title: "About molt").render(in: rect, on: &screen, theme: context.theme)
        TextView(paragraphs: state.paragraphs, scroll: state.scroll)
            .render(in: Self.textRect(rect), on: &screen, theme: context.theme)
    }

    static func textRect(_ rect: Rect) -> Rect {
        rect.insetBy(dx: 2, dy: 1)
    }
}
