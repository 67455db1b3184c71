import Testing

@testable import MoltTUI

/// Every key of the About screen (the movement keys scroll it; esc goes back).
@Suite("About screen keys")
struct AboutKeyTests {
    /// Health with About opened on top, at 80x24 (the About text is longer than its 18 visible lines).
    static func store() -> ConsoleTestStore {
        var store = ConsoleFixtures.storeWithChecks(
            [ConsoleFixtures.healthy()], size: TerminalSize(columns: 80, rows: 24))
        var state = store.state
        _ = store.core.execute(command: "about", &state)
        store = ConsoleTestStore(core: store.core, state: state)
        return store
    }

    static func about(_ state: AppState) -> AboutState {
        guard case .about(let about) = state.stack.last?.screen else {
            Issue.record("About is not on top")
            return AboutState(paragraphs: [])
        }
        return about
    }

    static func scrolled(_ state: inout AppState, to offset: Int) {
        var about = about(state)
        about.scroll = ScrollPosition(offset: offset)
        state.stack[state.stack.count - 1].screen = .about(about)
    }

    @Test("every movement key scrolls within the text")
    func movement() {
        var store = Self.store()
        let lines = TextView(paragraphs: Self.about(store.state).paragraphs, scroll: ScrollPosition()).lineCount(
            width: 76)
        let last = lines - 18
        #expect(last > 10)
        store.press(.character("j")) { Self.scrolled(&$0, to: 1) }
        store.press(.down) { Self.scrolled(&$0, to: 2) }
        store.press(.character("k")) { Self.scrolled(&$0, to: 1) }
        store.press(.up) { Self.scrolled(&$0, to: 0) }
        store.press(.control("d")) { Self.scrolled(&$0, to: 9) }
        store.press(.control("u")) { Self.scrolled(&$0, to: 0) }
        store.press(.pageDown) { Self.scrolled(&$0, to: min(18, last)) }
        store.press(.pageUp) { Self.scrolled(&$0, to: 0) }
        store.press(.control("f")) { Self.scrolled(&$0, to: min(18, last)) }
        store.press(.control("b")) { Self.scrolled(&$0, to: 0) }
        store.press(.character("G")) { Self.scrolled(&$0, to: last) }
        store.press(.character("j"))
        store.press(.character("g")) { Self.scrolled(&$0, to: 0) }
        store.press(.end) { Self.scrolled(&$0, to: last) }
        store.press(.home) { Self.scrolled(&$0, to: 0) }
        store.press(.wheelDown) { Self.scrolled(&$0, to: 1) }
        store.press(.wheelUp) { Self.scrolled(&$0, to: 0) }
    }

    @Test("About has no filter, refresh or panes; esc goes back to Health")
    func globalKeysOnAbout() {
        var store = Self.store()
        store.press(.character("/"))
        store.press(.tab)
        store.press(.character("r"))
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
}
