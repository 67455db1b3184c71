/// A scrollable text screen for anything read-only: a public entry, a signing request, an identity's or an
/// OAuth2 client's JSON. `y` copies `copyText`.
public struct DocumentState: Equatable, Sendable {
    public var title: String
    public var paragraphs: [TextView.Paragraph]
    public var scroll: ScrollPosition
    /// What `y` copies, if anything.
    public var copyText: String?
    /// What that is (`the entry`), for the flash line.
    public var copyWhat: String

    public init(title: String, paragraphs: [TextView.Paragraph], copyText: String? = nil, copyWhat: String = "it") {
        self.title = title
        self.paragraphs = paragraphs
        self.scroll = ScrollPosition()
        self.copyText = copyText
        self.copyWhat = copyWhat
    }
}

/// What happens on a document screen.
public enum DocumentMessage: Equatable, Sendable {
    case navigated(Navigation)
    case copied
}

/// The document screen: title in the breadcrumbs and the panel, the text wrapped and scrolled.
public struct DocumentFeature: Feature {
    public init() {}

    public func title(_ state: DocumentState) -> String { state.title }

    public func bindings(_ state: DocumentState, _ context: FeatureContext) -> [KeyBinding<DocumentMessage>] {
        var bindings = KeyBinding.navigation { DocumentMessage.navigated($0) }
        if state.copyText != nil { bindings.append(.copy(state.copyWhat, message: .copied)) }
        return bindings
    }

    public func update(_ state: inout DocumentState, _ message: DocumentMessage, _ context: FeatureContext)
        -> [Effect<DocumentMessage>]
    {
        switch message {
        case .navigated(let navigation):
            let inside = Self.textRect(Rect(size: context.bodySize))
            let lines = TextView(paragraphs: state.paragraphs, scroll: state.scroll).lineCount(width: inside.width)
            state.scroll.navigate(navigation, lineCount: lines, pageSize: inside.height)
            return []
        case .copied:
            guard let text = state.copyText else { return [] }
            return [.command(.copy(text, what: state.copyWhat))]
        }
    }

    public func render(_ state: DocumentState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        Panel(title: state.title).render(in: rect, on: &screen, theme: context.theme)
        TextView(paragraphs: state.paragraphs, scroll: state.scroll)
            .render(in: Self.textRect(rect), on: &screen, theme: context.theme)
    }

    static func textRect(_ rect: Rect) -> Rect { rect.insetBy(dx: 2, dy: 1) }
}
