import Foundation
import MoltTestSupport
import Testing

@testable import MoltTUI

/// Whole console screens rendered from fixed states at 80x24 and 120x40, in colour and monochrome.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    static let variants: [(TerminalSize, Theme)] = [
        (TerminalSize(columns: 80, rows: 24), .colour), (TerminalSize(columns: 120, rows: 40), .colour),
        (TerminalSize(columns: 80, rows: 24), .monochrome), (TerminalSize(columns: 120, rows: 40), .monochrome),
    ]

    static let mixedResults = [
        ConsoleFixtures.healthy(), ConsoleFixtures.healthy(at: 5, milliseconds: 41.75),
        ConsoleFixtures.unhealthy(at: 10), ConsoleFixtures.healthy(at: 15, milliseconds: 1250),
    ]

    /// Builds a store per variant, lets `prepare` drive it, and compares the rendered screen.
    func check(
        _ name: String, sourceLocation: SourceLocation = #_sourceLocation,
        results: [HealthCheckResult] = mixedResults, prepare: (inout ConsoleTestStore) -> Void = { _ in }
    ) {
        for (size, theme) in Self.variants {
            var store = ConsoleFixtures.storeWithChecks(results, size: size, theme: theme)
            var state = store.state
            state.flash = nil
            store = ConsoleTestStore(core: store.core, state: state)
            prepare(&store)
            let screen = store.core.render(store.state, size: size)
            assertSnapshot(screen.snapshot, named: "\(name)-\(size)-\(theme.name)", sourceLocation: sourceLocation)
        }
    }

    /// Sends keys without asserting (the key tests do that).
    static func press(_ keys: [Key], _ store: inout ConsoleTestStore) {
        var state = store.state
        for key in keys { _ = store.core.update(&state, .keyPressed(key)) }
        store = ConsoleTestStore(core: store.core, state: state)
    }

    @Test("Health with checks, the newest selected")
    func health() {
        check("health")
    }

    @Test("Health while the first check runs (spinner)")
    func healthChecking() {
        for (size, theme) in Self.variants {
            let store = ConsoleFixtures.startedStore(size: size, theme: theme)
            assertSnapshot(
                store.core.render(store.state, size: size).snapshot, named: "health-checking-\(size)-\(theme.name)")
        }
    }

    @Test("Health with the response pane focused and a check further down selected")
    func healthResponsePane() {
        check("health-response-pane") { Self.press([.character("j"), .character("j"), .tab], &$0) }
    }

    @Test("Health filtered, with the filter line open")
    func healthFiltering() {
        check("health-filtering") { Self.press([.character("/"), .character("u"), .character("n")], &$0) }
    }

    @Test("Health with an error flash from a problem")
    func healthFlash() {
        check("health-flash", results: [ConsoleFixtures.healthy(), ConsoleFixtures.unhealthy(at: 5)])
    }

    @Test("the help overlay over Health")
    func help() {
        check("help") { Self.press([.character("?")], &$0) }
    }

    @Test("the command line with completions")
    func commandLine() {
        check("command-line") { Self.press([.character(":")], &$0) }
    }

    @Test("a check's detail screen with breadcrumbs")
    func checkDetail() {
        check("check-detail") { Self.press([.character("G"), .enter], &$0) }
    }

    @Test("the About screen")
    func about() {
        check("about") { Self.press([.character(":")] + "about".map { Key.character($0) } + [.enter], &$0) }
    }

    @Test("the backend-down banner with its countdown")
    func outage() {
        check("outage", results: [ConsoleFixtures.healthy(), ConsoleFixtures.unreachable(at: 5)])
    }

    @Test("terminal too small")
    func tooSmall() {
        let store = ConsoleFixtures.storeWithChecks(Self.mixedResults, size: TerminalSize(columns: 40, rows: 10))
        let size = TerminalSize(columns: 40, rows: 10)
        assertSnapshot(store.core.render(store.state, size: size).snapshot, named: "too-small-40x10-colour")
        let mono = ConsoleFixtures.storeWithChecks(Self.mixedResults, size: size, theme: .monochrome)
        assertSnapshot(mono.core.render(mono.state, size: size).snapshot, named: "too-small-40x10-monochrome")
    }
}
