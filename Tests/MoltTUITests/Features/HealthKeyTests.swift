import Foundation
import Testing

@testable import MoltTUI

/// Every key of the Health screen: send it, assert the whole new state and the effects.
@Suite("Health screen keys")
struct HealthKeyTests {
    /// 40 healthy checks at 120x40 (checks table page: 28 rows), newest selected.
    static func fortyChecks() -> ConsoleTestStore {
        ConsoleFixtures.storeWithChecks(
            (0..<40).map { ConsoleFixtures.healthy(at: Double($0) * 5, milliseconds: Double($0)) })
    }

    @Test("the store starts on the newest check, idle")
    func initial() {
        let state = Self.fortyChecks().state
        #expect(state.health.checks.count == 40)
        #expect(state.health.selected?.number == 40)
        #expect(state.health.viewport == TableViewport())
        #expect(state.health.isChecking == false)
        #expect(state.tickInterval == nil)
    }

    @Test("j/↓/wheel move down, k/↑/wheel move up")
    func lineMoves() {
        var store = Self.fortyChecks()
        store.press(.character("j")) { $0.health.viewport = TableViewport(selected: 1, offset: 0) }
        store.press(.down) { $0.health.viewport = TableViewport(selected: 2, offset: 0) }
        store.press(.wheelDown) { $0.health.viewport = TableViewport(selected: 3, offset: 0) }
        store.press(.character("k")) { $0.health.viewport = TableViewport(selected: 2, offset: 0) }
        store.press(.up) { $0.health.viewport = TableViewport(selected: 1, offset: 0) }
        store.press(.wheelUp) { $0.health.viewport = TableViewport(selected: 0, offset: 0) }
        store.press(.up)
    }

    @Test("PgDn/ctrl-f, PgUp/ctrl-b, ctrl-d, ctrl-u, G/end, g/home page and jump")
    func pagesAndJumps() {
        var store = Self.fortyChecks()
        store.press(.pageDown) { $0.health.viewport = TableViewport(selected: 28, offset: 1) }
        store.press(.control("f")) { $0.health.viewport = TableViewport(selected: 39, offset: 12) }
        store.press(.pageUp) { $0.health.viewport = TableViewport(selected: 11, offset: 11) }
        store.press(.control("b")) { $0.health.viewport = TableViewport(selected: 0, offset: 0) }
        store.press(.control("d")) { $0.health.viewport = TableViewport(selected: 14, offset: 0) }
        store.press(.control("u")) { $0.health.viewport = TableViewport(selected: 0, offset: 0) }
        store.press(.character("G")) { $0.health.viewport = TableViewport(selected: 39, offset: 12) }
        store.press(.character("g")) { $0.health.viewport = TableViewport(selected: 0, offset: 0) }
        store.press(.end) { $0.health.viewport = TableViewport(selected: 39, offset: 12) }
        store.press(.home) { $0.health.viewport = TableViewport(selected: 0, offset: 0) }
    }

    @Test("o sorts by the next column, O reverses, the selected check stays selected")
    func sorting() {
        var store = Self.fortyChecks()
        store.press(.character("o")) { $0.health.setSort(TableSort(column: 1, ascending: false)) }
        store.press(.character("O")) {
            $0.health.setSort(TableSort(column: 1, ascending: true))
            $0.health.viewport = TableViewport(selected: 39, offset: 12)
        }
        #expect(store.state.health.selected?.number == 40)
        #expect(store.state.health.rows.first == 0)
        store.press(.character("o")) { $0.health.setSort(TableSort(column: 2, ascending: true)) }
        store.press(.character("o")) { $0.health.setSort(TableSort(column: 3, ascending: true)) }
        store.press(.character("o")) { $0.health.setSort(TableSort(column: 4, ascending: true)) }
        store.press(.character("o")) { $0.health.setSort(TableSort(column: 0, ascending: true)) }
        #expect(store.state.health.selected?.number == 40)
    }

    @Test("tab and shift-tab switch panes; movement then scrolls the response")
    func panes() {
        var store = ConsoleFixtures.storeWithChecks(
            [ConsoleFixtures.healthy()], size: TerminalSize(columns: 80, rows: 24))
        store.press(.tab) { $0.health.focus = .response }
        store.press(.character("j")) { $0.health.responseScroll = ScrollPosition(offset: 1) }
        store.press(.character("G")) { $0.health.responseScroll = ScrollPosition(offset: 4) }
        store.press(.backTab) { $0.health.focus = .checks }
        store.press(.character("j")) { $0.health.responseScroll = ScrollPosition(offset: 0) }
    }

    @Test("r checks now; r again while checking does nothing")
    func refresh() async {
        var store = Self.fortyChecks()
        let effects = store.press(.character("r"), effects: ["run route1/check", "timer app.tick every 0.1 seconds"]) {
            $0.health.isChecking = true
            $0.tickInterval = .milliseconds(100)
        }
        #expect(
            await messages(from: effects[0]) == [.screen(route: 1, .health(.checkFinished(ConsoleFixtures.healthy())))])
        store.press(.character("r"))
    }

    @Test("y copies the server URL with OSC 52 and says so")
    func copy() {
        var store = Self.fortyChecks()
        store.press(.character("y"), effects: ["copy the server URL", "delay app.flash 4.0 seconds"]) {
            $0.flash = Flash(.success, "Copied the server URL (OSC 52)")
            $0.flashSerial = 1
        }
    }

    @Test("enter opens the selected check; its keys scroll and copy; esc goes back and resumes refreshing")
    func openCheck() {
        var store = Self.fortyChecks()
        let selected = store.state.health.selected!
        store.press(.enter, effects: ["cancel route1/refresh"]) {
            $0.stack.append(
                RouteEntry(
                    id: 2,
                    screen: .healthCheck(HealthCheckDetailState(record: selected, serverURL: ConsoleFixtures.serverURL))
                ))
            $0.nextRouteID = 3
        }
        store.press(.character("j"))
        store.press(.character("y"), effects: ["copy the response body", "delay app.flash 4.0 seconds"]) {
            $0.flash = Flash(.success, "Copied the response body (OSC 52)")
            $0.flashSerial = 1
        }
        store.press(
            .escape,
            effects: [
                "cancel route2", "timer route1/refresh every 5.0 seconds", "run route1/check",
                "timer app.tick every 0.1 seconds",
            ]
        ) {
            $0.stack.removeLast()
            $0.health.isChecking = true
            $0.tickInterval = .milliseconds(100)
        }
    }

    @Test("the detail screen scrolls a long response")
    func detailScroll() {
        var long = ConsoleFixtures.healthy()
        long.outcome = .healthy(
            HealthResponse(
                httpStatus: 200, status: "ok", timestamp: nil,
                body: (1...60).map { "line \($0)" }.joined(separator: "\n")))
        var store = ConsoleFixtures.storeWithChecks([long], size: TerminalSize(columns: 80, rows: 24))
        store.press(.enter, effects: ["cancel route1/refresh"]) {
            $0.stack.append(
                RouteEntry(
                    id: 2,
                    screen: .healthCheck(
                        HealthCheckDetailState(record: $0.health.selected!, serverURL: ConsoleFixtures.serverURL))))
            $0.nextRouteID = 3
        }
        store.press(.pageDown) { $0.stack[1].screen = .healthCheck(Self.detail($0, scroll: 18)) }
        store.press(.character("G")) { $0.stack[1].screen = .healthCheck(Self.detail($0, scroll: 47)) }
        store.press(.character("k")) { $0.stack[1].screen = .healthCheck(Self.detail($0, scroll: 46)) }
        store.press(.character("g")) { $0.stack[1].screen = .healthCheck(Self.detail($0, scroll: 0)) }
    }

    static func detail(_ state: AppState, scroll: Int) -> HealthCheckDetailState {
        var detail = HealthCheckDetailState(record: state.health.selected!, serverURL: ConsoleFixtures.serverURL)
        detail.scroll = ScrollPosition(offset: scroll)
        return detail
    }

    @Test("/ filters as you type, enter keeps the filter, esc clears it")
    func filter() {
        let results = [
            ConsoleFixtures.healthy(), ConsoleFixtures.unreachable(at: 5), ConsoleFixtures.unhealthy(at: 10),
            ConsoleFixtures.healthy(at: 15),
        ]
        var store = ConsoleFixtures.storeWithChecks(results)
        store.press(.character("/")) { $0.filterEditor = LineEditor() }
        store.press(.character("u")) {
            $0.filterEditor = LineEditor("u")
            $0.health.setFilter("u")
        }
        #expect(store.state.health.rows.count == 4)
        store.press(.character("n")) {
            $0.filterEditor = LineEditor("un")
            $0.health.setFilter("un")
        }
        #expect(store.state.health.rows.count == 2)
        store.press(.down) { $0.health.viewport = TableViewport(selected: 1, offset: 0) }
        store.press(.left) {
            var editor = LineEditor("un")
            _ = editor.handle(.left)
            $0.filterEditor = editor
        }
        store.press(.enter) { $0.filterEditor = nil }
        #expect(store.core.render(store.state, size: store.state.size).textLines[1].hasSuffix(" /un "))
        store.press(.escape) { $0.health.setFilter("") }
        store.press(.character("/")) { $0.filterEditor = LineEditor() }
        store.press(.character("x")) {
            $0.filterEditor = LineEditor("x")
            $0.health.setFilter("x")
        }
        store.press(.escape) {
            $0.filterEditor = nil
            $0.health.setFilter("")
        }
    }

    @Test("keys the screen does not know change nothing")
    func unknownKeys() {
        var store = Self.fortyChecks()
        store.press(.character("x"))
        store.press(.function(5))
        store.press(.escape)
        store.press(.alt("j"))
    }
}
