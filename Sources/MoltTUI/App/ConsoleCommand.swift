/// A request from a screen to the app: navigation, a flash line, a confirmation, the clipboard, the banner.
///
/// Commands are carried by `Effect.command` and applied by the app's `update` immediately (they are pure
/// state changes, not I/O), so tests see their result in the returned state.
public enum ConsoleCommand<Message: Sendable>: Sendable, CustomStringConvertible {
    /// Opens a screen on top of the current one (the breadcrumbs grow).
    case push(ScreenState)
    /// Goes back one screen.
    case pop
    /// Shows a success, information or error line.
    case flash(Flash)
    /// Asks the user to confirm; `message` is sent to the screen only when confirmed.
    case confirm(ConfirmRequest<Message>)
    /// Copies text to the terminal's clipboard (OSC 52) and says so in the flash line.
    case copy(String, what: String)
    /// The backend could not be reached: show the banner and retry with backoff.
    case backendUnreachable(reason: String)
    /// The backend answered: hide the banner.
    case backendReachable
    /// Repaints the whole terminal.
    case redraw
    /// Quits the console.
    case quit
    /// Shows who is signed in (a fingerprint) in the header.
    case identify(String)
    /// Opens `text` in the user's `$VISUAL`/`$EDITOR` (curses is suspended meanwhile); `then` receives the
    /// saved text, or nil when the editor failed or left the file empty.
    case editExternally(text: String, suffix: String, then: @Sendable (String?) -> Message)

    /// The same command carrying wrapped messages.
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Message) -> Other) -> ConsoleCommand<Other> {
        switch self {
        case .push(let screen): .push(screen)
        case .pop: .pop
        case .flash(let flash): .flash(flash)
        case .confirm(let request): .confirm(request.map(transform))
        case .copy(let text, let what): .copy(text, what: what)
        case .backendUnreachable(let reason): .backendUnreachable(reason: reason)
        case .backendReachable: .backendReachable
        case .redraw: .redraw
        case .quit: .quit
        case .identify(let identity): .identify(identity)
        case .editExternally(let text, let suffix, let then):
            .editExternally(text: text, suffix: suffix, then: { transform(then($0)) })
        }
    }

    public var description: String {
        switch self {
        case .push(let screen): "push \(screen.kind)"
        case .pop: "pop"
        case .flash(let flash): "flash \(flash.kind) \(flash.text)"
        case .confirm(let request): "confirm \(request.title)"
        case .copy(_, let what): "copy \(what)"
        case .backendUnreachable(let reason): "backend unreachable: \(reason)"
        case .backendReachable: "backend reachable"
        case .redraw: "redraw"
        case .quit: "quit"
        case .identify(let identity): "identify \(identity)"
        case .editExternally(_, let suffix, _): "edit externally \(suffix)"
        }
    }
}

/// A line shown above the footer: a success, some information, or an error with a problem's title and detail.
public struct Flash: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case success, info, error
    }

    public var kind: Kind
    /// The headline (a problem's `title`).
    public var title: String
    /// More detail (a problem's `detail`), if any.
    public var detail: String?

    public init(_ kind: Kind, _ title: String, detail: String? = nil) {
        self.kind = kind
        self.title = title
        self.detail = detail
    }

    /// An error flash from an RFC 9457 problem's title and detail.
    public static func problem(title: String, detail: String?) -> Flash {
        Flash(.error, title, detail: detail)
    }

    /// `title: detail`, or the title alone.
    public var text: String {
        guard let detail, !detail.isEmpty else { return title }
        return "\(title): \(detail)"
    }

    /// How long it stays on screen (errors stay longer).
    public var lifetime: Duration {
        kind == .error ? .seconds(10) : .seconds(4)
    }
}

/// What a confirmation dialog asks, and the message to send when the user confirms.
public struct ConfirmRequest<Message: Sendable>: Sendable {
    /// The dialog's title (`Delete diary?`).
    public var title: String
    /// The question, a sentence or two.
    public var body: String
    /// The confirm button's label (`Delete`).
    public var confirmLabel: String
    /// Whether confirming destroys something (the focus starts on Cancel then).
    public var isDestructive: Bool
    /// Sent to the screen that asked when the user confirms.
    public var message: Message

    public init(title: String, body: String, confirmLabel: String, isDestructive: Bool, message: Message) {
        self.title = title
        self.body = body
        self.confirmLabel = confirmLabel
        self.isDestructive = isDestructive
        self.message = message
    }

    public func map<Other: Sendable>(_ transform: (Message) -> Other) -> ConfirmRequest<Other> {
        ConfirmRequest<Other>(
            title: title, body: body, confirmLabel: confirmLabel, isDestructive: isDestructive,
            message: transform(message))
    }
}

extension ConfirmRequest: Equatable where Message: Equatable {}
