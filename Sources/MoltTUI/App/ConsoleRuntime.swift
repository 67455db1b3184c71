import Foundation
import Glibc
import MoltCommandLine

/// Runs the console: one loop on the main actor takes events from a single stream (effect results, "input
/// waiting", signals), feeds them to `AppCore.update`, performs the returned effects, and draws
/// `AppCore.render` through the diff renderer. Nothing in the loop waits on the network.
@MainActor
public final class ConsoleRuntime {
    private let core: AppCore
    private let configuration: ConsoleConfiguration
    private let terminal: CursesTerminal
    private let renderer: DiffRenderer
    private var state: AppState
    private var runner: EffectRunner<AppMessage>?
    private var quitRequested = false

    /// An event on the loop's stream.
    enum Event: Sendable {
        case message(AppMessage)
        case inputReady
        case signal(Int32)
    }

    public init(configuration: ConsoleConfiguration, environment: ConsoleEnvironment, session: ConsoleSession) {
        self.configuration = configuration
        self.core = AppCore(environment: environment)
        self.terminal = CursesTerminal(monochrome: configuration.monochrome, mouse: configuration.mouse)
        self.renderer = DiffRenderer(output: terminal)
        self.state = core.initialState(
            session: session, size: TerminalSize(columns: 80, rows: 24), theme: configuration.theme)
    }

    /// Runs until the user quits or a signal arrives; the terminal is restored in every case.
    /// - Returns: the exit status (0, or 128 + the signal's number).
    public func run() async throws(TerminalError) -> Int32 {
        // Watch signals before curses starts, so curses leaves SIGWINCH, SIGINT, SIGTERM and SIGHUP to us.
        let signals = SignalWatcher(signalNumbers: [SIGTERM, SIGINT, SIGHUP, SIGWINCH])
        try terminal.start()
        defer { terminal.stop() }
        let (events, continuation) = AsyncStream<Event>.makeStream()
        let runner = EffectRunner<AppMessage> { continuation.yield(.message($0)) }
        self.runner = runner
        let input = InputWatcher { continuation.yield(.inputReady) }
        let signalForwarder = Task {
            for await number in signals.signals { continuation.yield(.signal(number)) }
        }
        state.size = terminal.size
        process(.started)
        draw()
        for await event in events {
            handle(event, input: input)
            if quitRequested { break }
            draw()
        }
        runner.cancelAll()
        input.cancel()
        signalForwarder.cancel()
        continuation.finish()
        terminal.stop()
        return state.exitStatus ?? 0
    }

    private func handle(_ event: Event, input: InputWatcher) {
        switch event {
        case .message(let message):
            process(message)
        case .inputReady:
            let (keys, resized) = terminal.readKeys()
            input.resume()
            if resized { adoptSize() }
            for key in keys where !quitRequested {
                process(.keyPressed(key))
            }
        case .signal(SIGWINCH):
            terminal.adoptKernelSize()
            adoptSize()
        case .signal(let number):
            process(.signalReceived(number))
        }
    }

    private func adoptSize() {
        let size = terminal.size
        guard size != state.size else { return }
        renderer.invalidate()
        process(.resized(size))
    }

    private func process(_ message: AppMessage) {
        for effect in core.update(&state, message) {
            guard let command = runner?.perform(effect) else { continue }
            switch command {
            case .copy(let text, _): terminal.writeRaw(Clipboard.osc52(text))
            case .redraw: renderer.invalidate()
            case .quit: quitRequested = true
            case .editExternally(let text, let suffix, let then):
                let edited = ExternalEditor.edit(text, suffix: suffix, terminal: terminal)
                renderer.invalidate()
                process(then(edited))
            default: break
            }
        }
    }

    private func draw() {
        renderer.render(core.render(state, size: state.size))
    }
}
