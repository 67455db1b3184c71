import Foundation
import Testing

@testable import MoltTUI

/// The keys every screen shares: help, command line, quit, redraw, back, and the overlays' own keys.
@Suite("Global keys and overlays")
struct GlobalKeyTests {
    static func store() -> ConsoleTestStore {
        ConsoleFixtures.storeWithChecks([ConsoleFixtures.healthy()])
    }

    @Test("? opens help, its keys scroll and filter, esc closes it")
    func help() {
        var store = ConsoleFixtures.storeWithChecks(
            [ConsoleFixtures.healthy()], size: TerminalSize(columns: 80, rows: 24))
        store.press(.character("?")) { $0.overlay = .help(HelpOverlayState()) }
        store.press(.character("j")) {
            var help = HelpOverlayState()
            help.scroll = ScrollPosition(offset: 1)
            $0.overlay = .help(help)
        }
        store.press(.character("/")) {
            var help = HelpOverlayState()
            help.scroll = ScrollPosition(offset: 1)
            help.filterEditor = LineEditor()
            $0.overlay = .help(help)
        }
        store.press(.character("q")) {
            var help = HelpOverlayState()
            help.filterEditor = LineEditor("q")
            help.filter = "q"
            $0.overlay = .help(help)
        }
        let screen = store.core.render(store.state, size: store.state.size)
        #expect(screen.textLines.contains { $0.contains("q/ctrl-c") && $0.contains("quit") })
        #expect(!screen.textLines.contains { $0.contains("move down") })
        store.press(.escape) {
            var help = HelpOverlayState()
            help.filterEditor = nil
            $0.overlay = .help(help)
        }
        store.press(.escape) { $0.overlay = nil }
    }

    @Test("help lists every key of the screen and the global ones")
    func helpListsEveryKey() {
        let store = Self.store()
        let hints = store.core.keyHints(store.state)
        let keys = hints.map(\.keys)
        for expected in [
            "k/↑", "j/↓", "PgUp/ctrl-b", "PgDn/ctrl-f", "ctrl-u", "ctrl-d", "g/home", "G/end", "enter", "o", "O", "y",
            "/", "r", "tab", "shift-tab", ":", "?", "ctrl-l", "q/ctrl-c",
        ] {
            #expect(keys.contains(expected), "help lists \(expected)")
        }
        #expect(!keys.contains("esc"), "no esc on the root screen without a filter")
    }

    @Test(": opens the command line; tab completes; enter opens the screen and remembers the line")
    func commandLineOpensAbout() {
        var store = ConsoleFixtures.storeWithChecks(
            [ConsoleFixtures.healthy()], size: TerminalSize(columns: 80, rows: 24))
        let names = store.core.commandNames
        store.press(.character(":")) { $0.overlay = .commandLine(CommandLineState(names: names)) }
        store.press(.character("a")) {
            var line = CommandLineState(names: names)
            _ = line.handle(.character("a"), names: names, history: [])
            $0.overlay = .commandLine(line)
        }
        store.press(.character("b")) {
            var line = CommandLineState(names: names)
            _ = line.handle(.character("a"), names: names, history: [])
            _ = line.handle(.character("b"), names: names, history: [])
            $0.overlay = .commandLine(line)
        }
        store.press(.tab) {
            var line = CommandLineState(names: names)
            _ = line.handle(.character("a"), names: names, history: [])
            _ = line.handle(.character("b"), names: names, history: [])
            _ = line.handle(.tab, names: names, history: [])
            $0.overlay = .commandLine(line)
        }
        store.press(.enter, effects: ["cancel route1/refresh"]) {
            $0.overlay = nil
            $0.commandHistory = ["about"]
            $0.stack.append(
                RouteEntry(
                    id: 2,
                    screen: .about(
                        AboutState.make(
                            version: "0.1.0", session: ConsoleFixtures.session(),
                            terminal: "80x24, TERM=xterm-256color, UTF-8, colour theme", commands: names,
                            globalKeys: AppCore.globalKeyReference))))
            $0.nextRouteID = 3
        }
        store.press(.character("j")) {
            guard case .about(var about) = $0.stack[1].screen else { return }
            about.scroll = ScrollPosition(offset: 1)
            $0.stack[1].screen = .about(about)
        }
        store.press(.character(":")) { $0.overlay = .commandLine(CommandLineState(names: names)) }
        for character in "health" {
            store.press(.character(character)) {
                guard case .commandLine(var line) = $0.overlay else { return }
                _ = line.handle(.character(character), names: names, history: [])
                $0.overlay = .commandLine(line)
            }
        }
        store.press(
            .enter,
            effects: [
                "cancel route2", "timer route1/refresh every 5.0 seconds", "run route1/check",
                "timer app.tick every 0.1 seconds",
            ]
        ) {
            $0.overlay = nil
            $0.commandHistory = ["about", "health"]
            $0.stack.removeLast()
            $0.health.isChecking = true
            $0.tickInterval = .milliseconds(100)
        }
    }

    @Test(":health on Health, an unknown command, :help and :q")
    func otherCommands() {
        var store = Self.store()
        let names = store.core.commandNames
        func run(_ text: String, effects: [String], _ change: @escaping (inout AppState) -> Void) {
            store.press(.character(":")) { $0.overlay = .commandLine(CommandLineState(names: names)) }
            for character in text {
                store.press(.character(character)) {
                    guard case .commandLine(var line) = $0.overlay else { return }
                    _ = line.handle(.character(character), names: names, history: [])
                    $0.overlay = .commandLine(line)
                }
            }
            store.press(.enter, effects: effects) {
                $0.overlay = nil
                if $0.commandHistory.last != text { $0.commandHistory.append(text) }
                change(&$0)
            }
        }
        run("h", effects: []) { _ in }
        run("nope", effects: ["delay app.flash 10.0 seconds"]) {
            $0.flash = Flash(.error, "Unknown command “nope”", detail: "type : and press tab to list the commands")
            $0.flashSerial = 1
        }
        run("keys", effects: []) { $0.overlay = .help(HelpOverlayState()) }
        store.press(.escape) { $0.overlay = nil }
        run("q", effects: ["quit"]) { $0.exitStatus = 0 }
    }

    @Test("esc on the command line cancels it; ↑ recalls history")
    func commandLineCancel() {
        var store = Self.store()
        let names = store.core.commandNames
        store.press(.character(":")) { $0.overlay = .commandLine(CommandLineState(names: names)) }
        store.press(.up)
        store.press(.escape) { $0.overlay = nil }
    }

    @Test("q quits, ctrl-l redraws")
    func quitAndRedraw() {
        var store = Self.store()
        store.press(.control("l"), effects: ["redraw"])
        store.press(.character("q"), effects: ["quit"]) { $0.exitStatus = 0 }
    }

    @Test("a confirmation dialog sends its message only when confirmed")
    func confirmation() {
        var store = Self.store()
        let request = ConfirmRequest<AppMessage>(
            title: "Check again?", body: "Run a check now?", confirmLabel: "Check", isDestructive: true,
            message: .screen(route: 1, .health(.checkRequested)))
        var state = store.state
        state.overlay = .confirm(ConfirmDialogState(request))
        store = ConsoleTestStore(core: store.core, state: state)
        store.press(.character("j"))
        store.press(.tab) {
            var dialog = ConfirmDialogState(request)
            dialog.confirmFocused = true
            $0.overlay = .confirm(dialog)
        }
        store.press(.character("y"), effects: ["run route1/check", "timer app.tick every 0.1 seconds"]) {
            $0.overlay = nil
            $0.health.isChecking = true
            $0.tickInterval = .milliseconds(100)
        }
        state = store.state
        state.overlay = .confirm(ConfirmDialogState(request))
        store = ConsoleTestStore(core: store.core, state: state)
        store.press(.character("n")) { $0.overlay = nil }
    }

    @Test("a screen asking for confirmation gets a dialog that answers to it")
    func confirmCommand() {
        var store = Self.store()
        var state = store.state
        let request = ConfirmRequest<ScreenMessage>(
            title: "Delete?", body: "Gone for good.", confirmLabel: "Delete", isDestructive: true,
            message: .health(.checkRequested))
        let effects = store.core.apply(.confirm(request), from: 1, &state)
        #expect(effects.isEmpty)
        #expect(state.overlay == .confirm(ConfirmDialogState(request.map { AppMessage.screen(route: 1, $0) })))
        store = ConsoleTestStore(core: store.core, state: state)
    }

    @Test("when the terminal is too small only q works")
    func tooSmall() {
        var store = Self.store()
        store.send(.resized(TerminalSize(columns: 40, rows: 10)), effects: []) {
            $0.size = TerminalSize(columns: 40, rows: 10)
        }
        store.press(.character("j"))
        store.press(.character("?"))
        store.press(.character("q"), effects: ["quit"]) { $0.exitStatus = 0 }
    }
}
