import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// Home: loading, panes, answering invitations with one key, and the jumps to other screens.
@Suite("Home keys")
struct HomeKeyTests {
    static func store() -> ConsoleTestStore {
        ScreenStores.store([.home(AgentScreenSnapshotTests.home)])
    }

    @Test("opening Home starts its auto-refresh and its load; the overview fills it and names the agent")
    func load() async {
        let core = AppCore(environment: ScreenStores.environment(mode: .agent))
        var store = ConsoleTestStore(
            core: core,
            state: core.initialState(
                session: ScreenStores.session(.agent), size: TerminalSize(columns: 120, rows: 40), theme: .colour))
        let effects = store.send(
            .started,
            effects: ["timer route1/refresh every 5.0 seconds", "run route1/load", "timer app.tick every 0.1 seconds"]
        ) {
            var home = HomeState(identityHint: DemoFixtures.ada.value)
            home.isLoading = true
            $0.stack = [RouteEntry(id: 1, screen: .home(home))]
            $0.nextRouteID = 2
            $0.tickInterval = .milliseconds(100)
        }
        let messages = await messages(from: effects[1])
        #expect(messages == [.screen(route: 1, .home(.loaded(.success(AgentScreenSnapshotTests.home.overview!))))])
        store.send(messages[0], effects: ["cancel app.tick"]) {
            $0.topScreen = .home(AgentScreenSnapshotTests.home)
            $0.backend = .reachable
            $0.tickInterval = nil
        }
    }

    @Test("a failed load is shown and flashed; an unreachable server raises the banner")
    func failures() {
        var store = Self.store()
        let problem = ConsoleFailure(title: "Not signed in", detail: "run molt login")
        store.send(.screen(route: 1, .home(.loaded(.failure(problem)))), effects: ["delay app.flash 10.0 seconds"]) {
            var home = AgentScreenSnapshotTests.home
            home.failure = problem
            $0.topScreen = .home(home)
            $0.flash = .problem(title: "Not signed in", detail: "run molt login")
            $0.flashSerial = 1
        }
        let outage = ConsoleFailure(title: "Server unreachable", unreachableReason: "connection refused")
        let effects = store.exercise(.screen(route: 1, .home(.loaded(.failure(outage)))))
        #expect(effects.map(\.description).contains("delay app.backend.retry 1.0 seconds"))
        #expect(store.state.backend.outage?.reason == "connection refused")
    }

    @Test("j/k move in the focused pane, tab switches panes, enter opens the pane's screen")
    func panes() {
        var store = Self.store()
        store.press(.character("j")) {
            var home = AgentScreenSnapshotTests.home
            home.invitations = TableViewport(selected: 1, offset: 0)
            $0.topScreen = .home(home)
        }
        store.press(.tab) {
            guard case .home(var home) = $0.topScreen else { return }
            home.focus = .vouchers
            $0.topScreen = .home(home)
        }
        store.press(.character("j")) {
            guard case .home(var home) = $0.topScreen else { return }
            home.vouchers = TableViewport(selected: 1, offset: 0)
            $0.topScreen = .home(home)
        }
        #expect(!store.core.keyHints(store.state).contains { $0.keys == "a" }, "accept only on the invitations pane")
        store.exercise(.keyPressed(.enter))
        #expect(store.state.topScreen.kind == .vouchers)
    }

    @Test("a accepts the selected invitation, x declines it; the answer flashes and Home reloads")
    func answers() async {
        var store = Self.store()
        let effects = store.press(.character("a"), effects: ["run route1/answer", "timer app.tick every 0.1 seconds"]) {
            guard case .home(var home) = $0.topScreen else { return }
            home.answering = DemoFixtures.invitations[0].share.id
            $0.topScreen = .home(home)
            $0.tickInterval = .milliseconds(100)
        }
        #expect(await messages(from: effects[0]).count == 1)
        var accepted = DemoFixtures.invitations[0].share
        accepted.status = .accepted
        store.send(
            .screen(route: 1, .home(.answered(.success(accepted), accepted: true))),
            effects: ["delay app.flash 4.0 seconds", "run route1/load"]
        ) {
            guard case .home(var home) = $0.topScreen else { return }
            home.answering = nil
            home.isLoading = true
            $0.topScreen = .home(home)
            $0.flash = Flash(.success, "Accepted the invitation to Field notes as writer")
            $0.flashSerial = 1
        }
    }

    @Test("d, i, v, s, f and S open diaries, invitations, vouchers, signing, the feed and search")
    func shortcuts() {
        let expected: [(Character, ScreenKind)] = [
            ("d", .diaries), ("i", .invitations), ("v", .vouchers), ("s", .signing), ("f", .feed), ("S", .search),
        ]
        for (key, kind) in expected {
            var store = Self.store()
            _ = store.exercise(.keyPressed(.character(key)))
            #expect(store.state.topScreen.kind == kind, "\(key) opens \(kind)")
            #expect(store.state.stack.count == 2)
        }
    }

    @Test("read-only Home offers no accept or decline")
    func readOnly() {
        var store = ScreenStores.store([.home(AgentScreenSnapshotTests.home)], readOnly: true)
        let keys = store.core.keyHints(store.state).map(\.keys)
        #expect(!keys.contains("a") && !keys.contains("x"))
        store.press(.character("a"))
    }
}
