import Foundation
import MoltClient
import MoltCore

@testable import MoltTUI

/// Stores with a given stack of screens already open (no `appear` effects run), for screen snapshots and
/// key tests of the agent and operator screens.
enum ScreenStores {
    static func environment(
        mode: ConsoleMode, molt: any MoltService = StubMoltService(), operatorService: (any OperatorService)? = nil,
        refresh: Duration? = .seconds(5)
    ) -> ConsoleEnvironment {
        ConsoleEnvironment(
            now: { ConsoleFixtures.now }, healthCheck: HealthCheck { _ in ConsoleFixtures.healthy() },
            refreshInterval: refresh, version: "0.1.0", terminalDescription: "TERM=xterm-256color, UTF-8", molt: molt,
            operatorService: operatorService, mode: mode, startScreen: mode == .operator ? "workflows" : "home")
    }

    static func session(_ mode: ConsoleMode, readOnly: Bool = false) -> ConsoleSession {
        switch mode {
        case .agent:
            ConsoleSession(
                mode: .agent, identity: DemoFixtures.ada.value, serverURL: ConsoleFixtures.serverURL,
                isReadOnly: readOnly)
        case .operator:
            ConsoleSession(
                mode: .operator, identity: "operator@127.0.0.1:54329/moltnet", serverURL: "http://127.0.0.1:8001",
                isReadOnly: readOnly)
        case .guest:
            ConsoleSession(
                mode: .guest, identity: "not signed in", serverURL: ConsoleFixtures.serverURL, isReadOnly: readOnly)
        }
    }

    /// A store showing `screens` (the last on top), routes numbered from 1.
    static func store(
        _ screens: [ScreenState], mode: ConsoleMode = .agent, size: TerminalSize = TerminalSize(columns: 120, rows: 40),
        theme: Theme = .colour, molt: any MoltService = StubMoltService(),
        operatorService: (any OperatorService)? = StubOperatorService(), readOnly: Bool = false,
        refresh: Duration? = .seconds(5)
    ) -> ConsoleTestStore {
        let core = AppCore(
            environment: environment(mode: mode, molt: molt, operatorService: operatorService, refresh: refresh))
        var state = core.initialState(session: session(mode, readOnly: readOnly), size: size, theme: theme)
        state.stack = screens.enumerated().map { RouteEntry(id: $0.offset + 1, screen: $0.element) }
        state.nextRouteID = screens.count + 1
        state.backend = .reachable
        return ConsoleTestStore(core: core, state: state)
    }
}

extension AppState {
    /// The top screen's state.
    var topScreen: ScreenState {
        get { stack[stack.count - 1].screen }
        set { stack[stack.count - 1].screen = newValue }
    }
}
