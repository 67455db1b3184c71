/// The state of one check's full-screen detail: its facts and response body, scrolled.
public struct HealthCheckDetailState: Hashable, Sendable {
    public var record: HealthCheckRecord
    public var serverURL: String
    public var scroll: ScrollPosition

    public init(record: HealthCheckRecord, serverURL: String) {
        self.record = record
        self.serverURL = serverURL
        self.scroll = ScrollPosition()
    }

    /// The text shown.
    var text: TextView {
        let heading = TextView.Paragraph("GET \(serverURL)/health", role: .title)
        return TextView(paragraphs: [heading] + HealthResponseText.paragraphs(record), scroll: scroll)
    }
}

/// What happens on a check's detail screen.
public enum HealthCheckDetailMessage: Hashable, Sendable {
    case navigated(Navigation)
    /// `y`: copy the response body.
    case bodyCopied
}

/// A check opened with enter from the Health screen: everything about it, scrollable; `y` copies the body.
public struct HealthCheckDetailFeature: Feature {
    public typealias State = HealthCheckDetailState
    public typealias Message = HealthCheckDetailMessage

    public init() {}

    public func title(_ state: HealthCheckDetailState) -> String { "Check #\(state.record.number)" }

    public func bindings(_ state: HealthCheckDetailState, _ context: FeatureContext)
        -> [KeyBinding<HealthCheckDetailMessage>]
    {
        KeyBinding.navigation { .navigated($0) }
            + [KeyBinding([.character("y")], "copy the response body", footer: "copy", message: .bodyCopied)]
    }

    public func update(
        _ state: inout HealthCheckDetailState, _ message: HealthCheckDetailMessage, _ context: FeatureContext
    ) -> [Effect<HealthCheckDetailMessage>] {
        switch message {
        case .navigated(let navigation):
            let inside = Self.textRect(Rect(size: context.bodySize))
            let lines = state.text.lineCount(width: inside.width)
            state.scroll.navigate(navigation, lineCount: lines, pageSize: inside.height)
            return []
        case .bodyCopied:
            let body = state.record.result.outcome.response?.body ?? ""
            return [.command(.copy(body, what: "the response body"))]
        }
    }

    public func render(
        _ state: HealthCheckDetailState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext
    ) {
        Panel(title: title(state)).render(in: rect, on: &screen, theme: context.theme)
        state.text.render(in: Self.textRect(rect), on: &screen, theme: context.theme)
    }

    /// The text's area inside the panel.
    static func textRect(_ rect: Rect) -> Rect {
        rect.insetBy(dx: 2, dy: 1)
    }
}
