public import Foundation

/// Everything the console shows, as one value: the screen stack, overlays, flash line, backend status.
public struct AppState: Equatable, Sendable {
    public var session: ConsoleSession
    public var size: TerminalSize
    public var theme: Theme
    /// The open screens; the last is visible, the titles form the breadcrumbs.
    public var stack: [RouteEntry]
    public var nextRouteID: Int
    /// The help, command line or confirmation dialog over the screen.
    public var overlay: Overlay?
    /// The `/` filter line, while typing.
    public var filterEditor: LineEditor?
    public var flash: Flash?
    /// Counts flashes, so an old flash's expiry does not hide a newer one.
    public var flashSerial: Int
    public var backend: BackendStatus
    /// The time at the last message.
    public var now: Date
    /// Advances on every animation tick (the spinner's frame).
    public var animationFrame: Int
    /// The period of the running animation timer, if any.
    public var tickInterval: Duration?
    /// Command lines entered, oldest first.
    public var commandHistory: [String]
    /// Set when the console should exit, with the process's exit status.
    public var exitStatus: Int32?

    public init(session: ConsoleSession, size: TerminalSize, theme: Theme, now: Date) {
        self.session = session
        self.size = size
        self.theme = theme
        self.stack = []
        self.nextRouteID = 1
        self.overlay = nil
        self.filterEditor = nil
        self.flash = nil
        self.flashSerial = 0
        self.backend = .unknown
        self.now = now
        self.animationFrame = 0
        self.tickInterval = nil
        self.commandHistory = []
        self.exitStatus = nil
    }

    /// The visible screen.
    public var top: RouteEntry? { stack.last }

    /// The smallest terminal the console draws in; below it a "too small" message is shown.
    public static let minimumSize = TerminalSize(columns: 50, rows: 12)

    /// Whether the terminal is too small to draw the console.
    public var isTooSmall: Bool {
        size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    }
}

/// What covers the screen: help, the command line, or a confirmation dialog.
public enum Overlay: Equatable, Sendable {
    case help(HelpOverlayState)
    case commandLine(CommandLineState)
    case confirm(ConfirmDialogState<AppMessage>)
}

/// Everything that can happen to the console.
public enum AppMessage: Equatable, Sendable {
    /// The console started (opens the first screen).
    case started
    case keyPressed(Key)
    case resized(TerminalSize)
    /// An animation tick (spinner, banner countdown).
    case tick
    /// A message for the screen with this route id.
    case screen(route: Int, ScreenMessage)
    /// Time to retry the unreachable backend.
    case backendRetryDue
    /// A retry's result.
    case backendProbeFinished(HealthCheckResult)
    /// A flash's time is up.
    case flashExpired(serial: Int)
    /// SIGTERM, SIGINT or SIGHUP arrived.
    case signalReceived(Int32)
}
