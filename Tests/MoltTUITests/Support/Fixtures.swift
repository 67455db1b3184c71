import Foundation

@testable import MoltTUI

/// Fixed inputs for console tests: a clock, health results, an environment, a started app.
enum ConsoleFixtures {
    /// 2026-11-24T14:16:29Z.
    static let now = Date(timeIntervalSince1970: 1_795_529_789)
    static let serverURL = "http://127.0.0.1:8000"

    static func healthy(at offset: TimeInterval = 0, milliseconds: Double = 3.2) -> HealthCheckResult {
        HealthCheckResult(
            startedAt: now.addingTimeInterval(offset), milliseconds: milliseconds,
            outcome: .healthy(
                HealthResponse(
                    httpStatus: 200, status: "ok", timestamp: "2026-11-24T14:03:09.120Z",
                    body: #"{"status":"ok","timestamp":"2026-11-24T14:03:09.120Z"}"#)))
    }

    static func unreachable(at offset: TimeInterval = 0) -> HealthCheckResult {
        HealthCheckResult(
            startedAt: now.addingTimeInterval(offset), milliseconds: 0.8,
            outcome: .unreachable(reason: "connection refused"))
    }

    static func unhealthy(at offset: TimeInterval = 0) -> HealthCheckResult {
        HealthCheckResult(
            startedAt: now.addingTimeInterval(offset), milliseconds: 12.5,
            outcome: .unhealthy(
                HealthResponse(
                    httpStatus: 503, status: nil, timestamp: nil,
                    body: #"{"title":"Service Unavailable","detail":"database is starting","status":503}"#),
                title: "Service Unavailable", detail: "database is starting"))
    }

    /// An environment with the fixed clock and a check that always answers `result`.
    static func environment(
        check result: HealthCheckResult = healthy(), refresh: Duration? = .seconds(5)
    ) -> ConsoleEnvironment {
        ConsoleEnvironment(
            now: { now }, healthCheck: HealthCheck { _ in result }, refreshInterval: refresh, version: "0.1.0",
            terminalDescription: "TERM=xterm-256color, UTF-8")
    }

    static func session(readOnly: Bool = false) -> ConsoleSession {
        ConsoleSession(mode: .guest, identity: "not signed in", serverURL: serverURL, isReadOnly: readOnly)
    }

    /// A store after `.started` (Health open, its check running) at `size`.
    static func startedStore(
        size: TerminalSize = TerminalSize(columns: 120, rows: 40), theme: Theme = .colour,
        check: HealthCheckResult = healthy(), refresh: Duration? = .seconds(5), readOnly: Bool = false
    ) -> ConsoleTestStore {
        let core = AppCore(environment: environment(check: check, refresh: refresh))
        var state = core.initialState(session: session(readOnly: readOnly), size: size, theme: theme)
        _ = core.update(&state, .started)
        return ConsoleTestStore(core: core, state: state)
    }

    /// A store with `results` recorded as finished checks of the Health screen (route 1).
    static func storeWithChecks(
        _ results: [HealthCheckResult], size: TerminalSize = TerminalSize(columns: 120, rows: 40),
        theme: Theme = .colour, readOnly: Bool = false
    ) -> ConsoleTestStore {
        let store = startedStore(size: size, theme: theme, readOnly: readOnly)
        var state = store.state
        for (index, result) in results.enumerated() {
            if index > 0 { _ = store.core.update(&state, .screen(route: 1, .health(.checkRequested))) }
            _ = store.core.update(&state, .screen(route: 1, .health(.checkFinished(result))))
        }
        return ConsoleTestStore(core: store.core, state: state)
    }
}
