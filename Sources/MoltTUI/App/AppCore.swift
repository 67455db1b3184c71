import Foundation

/// The console's Elm-style core: a pure `update(&state, message) -> [Effect]` and `render(state, size) -> Screen`.
///
/// The runtime feeds it messages (keys, resizes, ticks, effect results) one at a time and performs the
/// effects it returns; nothing in here does I/O or reads the clock except through `environment`.
public struct AppCore: Sendable {
    public let environment: ConsoleEnvironment
    public let screens: Screens

    public init(environment: ConsoleEnvironment) {
        self.environment = environment
        self.screens = Screens(environment: environment)
    }

    /// The state before the first message.
    public func initialState(session: ConsoleSession, size: TerminalSize, theme: Theme) -> AppState {
        AppState(session: session, size: size, theme: theme, now: environment.now())
    }

    /// Applies one message; returns the effects to perform.
    public func update(_ state: inout AppState, _ message: AppMessage) -> [Effect<AppMessage>] {
        state.now = environment.now()
        var effects = handle(&state, message)
        effects += reconcileTicking(&state)
        return effects
    }

    private func handle(_ state: inout AppState, _ message: AppMessage) -> [Effect<AppMessage>] {
        switch message {
        case .started:
            guard state.stack.isEmpty else { return [] }
            return execute(command: environment.startScreen, &state)
        case .keyPressed(let key):
            return handleKey(key, &state)
        case .resized(let size):
            state.size = size
            return []
        case .tick:
            state.animationFrame &+= 1
            return []
        case .screen(let route, let screenMessage):
            return dispatch(screenMessage, to: route, &state)
        case .backendRetryDue:
            return retryBackend(&state)
        case .backendProbeFinished(let result):
            return backendProbeFinished(result, &state)
        case .flashExpired(let serial):
            if serial == state.flashSerial { state.flash = nil }
            return []
        case .signalReceived(let number):
            state.exitStatus = 128 + number
            return [.command(.quit)]
        }
    }

    /// What features see of the app.
    public func featureContext(_ state: AppState) -> FeatureContext {
        let body = AppLayout(state).body
        return FeatureContext(
            bodySize: TerminalSize(columns: body.width, rows: body.height), theme: state.theme,
            isReadOnly: state.session.isReadOnly, now: state.now)
    }

    /// Sends a message to the screen with route id `route` (dropped when that screen is gone).
    func dispatch(_ message: ScreenMessage, to route: Int, _ state: inout AppState) -> [Effect<AppMessage>] {
        guard let index = state.stack.firstIndex(where: { $0.id == route }) else { return [] }
        var screen = state.stack[index].screen
        let effects = screens.update(&screen, message, featureContext(state))
        state.stack[index].screen = screen
        return lift(effects, from: state.stack[index], &state)
    }

    /// Turns a screen's effects into the app's: commands are applied now, the rest are scoped to the route.
    func lift(_ effects: [Effect<ScreenMessage>], from entry: RouteEntry, _ state: inout AppState)
        -> [Effect<AppMessage>]
    {
        var lifted: [Effect<AppMessage>] = []
        let route = entry.id
        for effect in effects {
            if case .command(let command) = effect {
                lifted += apply(command, from: route, &state)
            } else {
                lifted.append(effect.map(scope: entry.scope) { AppMessage.screen(route: route, $0) })
            }
        }
        return lifted
    }

    /// Starts, changes or stops the animation timer: fast while something is busy, slower during an outage.
    private func reconcileTicking(_ state: inout AppState) -> [Effect<AppMessage>] {
        let busy = state.top.map { screens.traits($0.screen).isBusy } ?? false
        let retrying = state.backend.outage?.isRetrying ?? false
        let desired: Duration? =
            busy || retrying ? .milliseconds(100) : (state.backend.outage != nil ? .milliseconds(250) : nil)
        guard desired != state.tickInterval else { return [] }
        state.tickInterval = desired
        guard let desired else { return [.cancel("app.tick")] }
        return [.timer("app.tick", every: desired, .tick)]
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
