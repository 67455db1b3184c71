import Foundation
import Testing

@testable import MoltTUI

@Suite("App update: start, results, ticks, resize, flash, signals")
struct AppLifecycleTests {
    let size = TerminalSize(columns: 120, rows: 40)

    @Test("starting opens Health, starts its auto-refresh, its first check and the spinner")
    func start() async {
        let core = AppCore(environment: ConsoleFixtures.environment())
        var store = ConsoleTestStore(
            core: core, state: core.initialState(session: ConsoleFixtures.session(), size: size, theme: .colour))
        let effects = store.send(
            .started,
            effects: ["timer route1/refresh every 5.0 seconds", "run route1/check", "timer app.tick every 0.1 seconds"]
        ) {
            var health = HealthState(serverURL: ConsoleFixtures.serverURL)
            health.isChecking = true
            $0.stack = [RouteEntry(id: 1, screen: .health(health))]
            $0.nextRouteID = 2
            $0.tickInterval = .milliseconds(100)
        }
        #expect(
            await messages(from: effects[1]) == [.screen(route: 1, .health(.checkFinished(ConsoleFixtures.healthy())))])
        store.send(.started, effects: [])
    }

    @Test("a healthy result is recorded, the backend is reachable and the spinner stops")
    func healthyResult() {
        var store = ConsoleFixtures.startedStore()
        let result = ConsoleFixtures.healthy()
        store.send(.screen(route: 1, .health(.checkFinished(result))), effects: ["cancel app.tick"]) {
            $0.health.isChecking = false
            $0.health.record(result)
            $0.backend = .reachable
            $0.tickInterval = nil
        }
    }

    @Test("an unhealthy answer flashes the problem's title and detail")
    func unhealthyResult() {
        var store = ConsoleFixtures.startedStore()
        let result = ConsoleFixtures.unhealthy()
        store.send(
            .screen(route: 1, .health(.checkFinished(result))),
            effects: ["delay app.flash 10.0 seconds", "cancel app.tick"]
        ) {
            $0.health.isChecking = false
            $0.health.record(result)
            $0.backend = .reachable
            $0.flash = .problem(title: "Service Unavailable", detail: "database is starting")
            $0.flashSerial = 1
            $0.tickInterval = nil
        }
        store.send(.flashExpired(serial: 0), effects: [])
        store.send(.flashExpired(serial: 1), effects: []) { $0.flash = nil }
    }

    @Test("a message for a closed screen is dropped")
    func closedRoute() {
        var store = ConsoleFixtures.startedStore()
        store.send(.screen(route: 9, .health(.checkFinished(ConsoleFixtures.healthy()))), effects: [])
        store.send(.screen(route: 1, .about(.navigated(.down))), effects: [])
    }

    @Test("ticks advance the spinner; resizes change the size")
    func tickAndResize() {
        var store = ConsoleFixtures.startedStore()
        store.send(.tick, effects: []) { $0.animationFrame = 1 }
        store.send(.resized(TerminalSize(columns: 90, rows: 30)), effects: []) {
            $0.size = TerminalSize(columns: 90, rows: 30)
        }
    }

    @Test("SIGTERM, SIGINT and SIGHUP quit with 128 + the signal")
    func signals() {
        for number: Int32 in [15, 2, 1] {
            var store = ConsoleFixtures.startedStore()
            store.send(.signalReceived(number), effects: ["quit"]) { $0.exitStatus = 128 + number }
        }
    }

    @Test("the read-only flag removes mutating bindings and shows in the header")
    func readOnly() {
        let bindings = [
            KeyBinding([.character("d")], "delete", isMutating: true, message: 1),
            KeyBinding([.character("o")], "open", message: 2),
        ]
        #expect(KeyBinding.available(bindings, readOnly: true).map(\.message) == [2])
        #expect(KeyBinding.available(bindings, readOnly: false).map(\.message) == [1, 2])
        let store = ConsoleFixtures.storeWithChecks([ConsoleFixtures.healthy()], readOnly: true)
        let screen = store.core.render(store.state, size: size)
        #expect(screen.textLines[0].contains("READ-ONLY"))
    }

    @Test("the About text lists the connection, every command and every global key")
    func aboutText() {
        let about = AboutState.make(
            version: "0.1.0", session: ConsoleFixtures.session(readOnly: true), terminal: "80x24",
            commands: AppCore(environment: ConsoleFixtures.environment()).commandNames,
            globalKeys: AppCore.globalKeyReference)
        let text = about.paragraphs.map(\.text)
        #expect(text.first == "molt 0.1.0")
        #expect(text.contains("  mode       guest (read-only)"))
        #expect(text.contains { $0.hasPrefix("  health") && $0.contains("(also h, connect)") })
        #expect(text.contains { $0.hasPrefix("  q/ctrl-c") })
        #expect(text.filter { $0.hasPrefix("  ") }.count == 4 + 6 + AppCore.globalKeyReference.count)
    }
}
