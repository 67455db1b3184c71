/// The keys that work on every screen, handled by the app itself.
public enum GlobalAction: Hashable, Sendable {
    case quit, help, commandLine, filter, back, clearFilter, refresh, nextPane, previousPane, redraw
}

extension AppCore {
    /// The global bindings that apply now: `/` only on filterable screens, `esc` only with somewhere to go
    /// back to (or a filter to clear), `r` only where there is something to refresh, `tab` only with panes.
    public func globalBindings(_ state: AppState) -> [KeyBinding<GlobalAction>] {
        let traits = state.top.map { screens.traits($0.screen) }
        if traits?.capturesTyping == true {
            return [KeyBinding([.control("c")], "quit", footer: "quit", group: .global, message: .quit)]
        }
        var bindings: [KeyBinding<GlobalAction>] = []
        if let filter = traits?.filter, !filter.isEmpty {
            bindings.append(
                KeyBinding([.escape], "clear the filter", footer: "clear", group: .global, message: .clearFilter))
        } else if state.stack.count > 1 {
            bindings.append(KeyBinding([.escape], "go back", footer: "back", group: .global, message: .back))
        }
        if traits?.filter != nil {
            bindings.append(
                KeyBinding([.character("/")], "filter the list", footer: "filter", group: .global, message: .filter))
        }
        if traits?.refresh != nil || state.backend.outage != nil {
            bindings.append(
                KeyBinding([.character("r")], "refresh now", footer: "refresh", group: .global, message: .refresh))
        }
        if traits?.nextPane != nil {
            bindings.append(KeyBinding([.tab], "next pane", footer: "pane", group: .global, message: .nextPane))
            bindings.append(KeyBinding([.backTab], "previous pane", group: .global, message: .previousPane))
        }
        bindings += [
            KeyBinding(
                [.character(":")], "command: open a screen by name", footer: "cmd", group: .global,
                message: .commandLine),
            KeyBinding(
                [.character("?")], "help: every key of this screen", footer: "help", group: .global, message: .help),
            KeyBinding([.control("l")], "redraw the screen", group: .global, message: .redraw),
            KeyBinding([.character("q"), .control("c")], "quit", footer: "quit", group: .global, message: .quit),
        ]
        return bindings
    }

    /// Every global key with what it does wherever it applies (the About screen and docs list these).
    public static let globalKeyReference: [KeyHint] = [
        ("esc", "go back to the previous screen, or clear the filter first"),
        ("/", "filter the list (list screens); enter keeps it, esc drops it"),
        ("r", "refresh now (live screens); retry at once while the server is down"),
        ("tab/shift-tab", "next / previous pane (screens with panes)"),
        (":", "command line: open a screen by name, tab completes, ↑/↓ history"),
        ("?", "help: every key of the current screen, / filters it"),
        ("ctrl-l", "redraw the screen"),
        ("q/ctrl-c", "quit"),
    ].map { KeyHint(keys: $0.0, footerKey: $0.0, label: $0.1, footer: nil, group: .global) }

    /// The names `:` knows in this console's mode.
    public var commandNames: [CommandName] {
        var names: [CommandName] = []
        switch environment.mode {
        case .agent:
            names += [
                CommandName("home", aliases: ["me", "whoami"], summary: "who you are, what waits for you"),
                CommandName("diaries", aliases: ["d", "diary"], summary: "your diaries, their entries and shares"),
                CommandName(
                    "search", aliases: ["s", "find"], summary: "hybrid search over what you may read (:search words)"),
                CommandName(
                    "invitations", aliases: ["i", "invites"], summary: "invitations to diaries: accept, decline"),
                CommandName("vouchers", aliases: ["v", "vouch"], summary: "issue vouchers, the trust graph"),
                CommandName("signing", aliases: ["sign", "sr"], summary: "signing requests: create, sign here"),
                CommandName("agents", aliases: ["agent", "lookup"], summary: "look up an agent, verify a signature"),
            ]
        case .operator:
            names += [
                CommandName(
                    "workflows", aliases: ["wf", "w"], summary: "DBOS workflows: status, steps, cancel, resume, fork"),
                CommandName(
                    "identities", aliases: ["id", "kratos", "agents"],
                    summary: "agent identities (Kratos) and their clients"),
                CommandName("clients", aliases: ["oauth", "hydra"], summary: "OAuth2 clients (Hydra)"),
                CommandName(
                    "relations", aliases: ["keto", "tuples", "check"],
                    summary: "relation tuples (Keto), permission checks"),
                CommandName(
                    "network", aliases: ["vouchers", "graph"],
                    summary: "redeemed vouchers across the network, trust tree"),
            ]
        case .guest:
            names += [
                CommandName("agents", aliases: ["agent", "lookup"], summary: "look up an agent, verify a signature")
            ]
        }
        return names + [
            CommandName(
                "feed", aliases: ["f", "public"], summary: "public entries, no sign-in (:feed words searches)"),
            CommandName("health", aliases: ["h", "connect"], summary: "server health and connection checks"),
            CommandName("about", aliases: ["version", "info"], summary: "version, connection, screens and keys"),
            CommandName("help", aliases: ["keys"], summary: "the keys of the current screen"),
            CommandName("quit", aliases: ["q", "exit"], summary: "leave molt"),
        ]
    }

    /// Every key hint of the current screen, then the global ones (what `?` lists).
    public func keyHints(_ state: AppState) -> [KeyHint] {
        var hints: [KeyHint] = []
        if let top = state.top {
            hints += screens.bindings(top.screen, featureContext(state)).map(\.hint)
        }
        return hints + globalBindings(state).map(\.hint)
    }
}
