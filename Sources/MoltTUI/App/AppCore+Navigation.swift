import MoltCore

extension AppCore {
    /// Applies a screen's request to the app.
    func apply(_ command: ConsoleCommand<ScreenMessage>, from route: Int, _ state: inout AppState)
        -> [Effect<AppMessage>]
    {
        switch command {
        case .push(let screen):
            return push(screen, &state)
        case .pop:
            return pop(&state)
        case .flash(let flash):
            return show(flash, &state)
        case .confirm(let request):
            state.overlay = .confirm(ConfirmDialogState(request.map { AppMessage.screen(route: route, $0) }))
            return []
        case .copy(let text, let what):
            return [.command(.copy(text, what: what))] + show(Flash(.success, "Copied \(what) (OSC 52)"), &state)
        case .backendUnreachable(let reason):
            return markUnreachable(reason: reason, &state)
        case .backendReachable:
            return markReachable(&state)
        case .redraw:
            return [.command(.redraw)]
        case .quit:
            state.exitStatus = 0
            return [.command(.quit)]
        case .identify(let identity):
            state.session.identity = identity
            return []
        case .editExternally(let text, let suffix, let then):
            return [.command(.editExternally(text: text, suffix: suffix, then: { .screen(route: route, then($0)) }))]
        }
    }

    /// Opens a screen on top of the stack.
    func push(_ screen: ScreenState, _ state: inout AppState) -> [Effect<AppMessage>] {
        var effects = disappearTop(&state)
        state.filterEditor = nil
        state.stack.append(RouteEntry(id: state.nextRouteID, screen: screen))
        state.nextRouteID += 1
        effects += appearTop(&state)
        return effects
    }

    /// Closes the top screen (never the last one) and cancels its effects.
    func pop(_ state: inout AppState) -> [Effect<AppMessage>] {
        guard state.stack.count > 1 else { return [] }
        var effects = disappearTop(&state)
        let closed = state.stack.removeLast()
        state.filterEditor = nil
        effects.append(.cancel(EffectID(closed.scope)))
        effects += appearTop(&state)
        return effects
    }

    /// Goes to a screen of `kind`: back to it when it is open, else opens `make()`.
    func navigate(to kind: ScreenKind, _ state: inout AppState, make: () -> ScreenState) -> [Effect<AppMessage>] {
        guard let index = state.stack.lastIndex(where: { $0.screen.kind == kind }) else {
            return push(make(), &state)
        }
        guard index < state.stack.count - 1 else { return [] }
        var effects = disappearTop(&state)
        for closed in state.stack[(index + 1)...] { effects.append(.cancel(EffectID(closed.scope))) }
        state.stack.removeSubrange((index + 1)...)
        state.filterEditor = nil
        effects += appearTop(&state)
        return effects
    }

    /// Runs a `:` command line: the first word names a screen (or an alias), the rest is its argument
    /// (`:search reciprocal rank`, `:agent 21FE-31DF-A154-A261`, `:workflows error`).
    func execute(command text: String, _ state: inout AppState) -> [Effect<AppMessage>] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let word = words.first.map { String($0).lowercased() } ?? ""
        let argument = words.dropFirst().joined(separator: " ")
        guard let name = commandNames.first(where: { $0.isNamed(word) }) else {
            return show(
                Flash(.error, "Unknown command “\(word)”", detail: "type : and press tab to list the commands"), &state)
        }
        switch name.name {
        case "help":
            state.overlay = .help(HelpOverlayState())
            return []
        case "quit":
            state.exitStatus = 0
            return [.command(.quit)]
        default:
            break
        }
        guard let screen = screen(named: name.name, argument: argument, state) else { return [] }
        if !argument.isEmpty { return push(screen, &state) }
        return navigate(to: screen.kind, &state) { screen }
    }

    /// The screen a command name opens, in its first state.
    func screen(named name: String, argument: String, _ state: AppState) -> ScreenState? {
        switch name {
        case "health": return .health(HealthState(serverURL: state.session.serverURL))
        case "about":
            return .about(
                AboutState.make(
                    version: environment.version, session: state.session,
                    terminal: "\(state.size), \(environment.terminalDescription), \(state.theme.name) theme",
                    commands: commandNames, globalKeys: Self.globalKeyReference))
        case "home": return .home(HomeState(identityHint: state.session.identity))
        case "diaries": return .diaries(DiariesState())
        case "search": return .search(SearchState(query: argument))
        case "invitations": return .invitations(InvitationsState())
        case "vouchers": return .vouchers(VouchersState())
        case "signing":
            return .signing(
                SigningState(status: SigningRequestStatus.knownCases.first { $0.rawValue == argument.lowercased() }))
        case "agents" where environment.mode == .operator, "identities": return .identities(IdentitiesState())
        case "agents": return .agents(AgentsState(lookup: argument.isEmpty ? nil : argument))
        case "feed": return .feed(FeedState(search: argument.isEmpty ? nil : argument))
        case "workflows": return .workflows(WorkflowsState(status: WorkflowsState.status(named: argument)))
        case "clients": return .clients(ClientsState())
        case "relations": return .relations(RelationsState())
        case "network": return .network(NetworkState())
        default: return nil
        }
    }

    /// Shows a flash line and schedules its expiry.
    func show(_ flash: Flash, _ state: inout AppState) -> [Effect<AppMessage>] {
        state.flashSerial += 1
        state.flash = flash
        return [.delay("app.flash", flash.lifetime, .flashExpired(serial: state.flashSerial))]
    }

    private func disappearTop(_ state: inout AppState) -> [Effect<AppMessage>] {
        guard var entry = state.stack.last else { return [] }
        let effects = screens.disappear(&entry.screen, featureContext(state))
        state.stack[state.stack.count - 1] = entry
        return lift(effects, from: entry, &state)
    }

    private func appearTop(_ state: inout AppState) -> [Effect<AppMessage>] {
        guard var entry = state.stack.last else { return [] }
        let effects = screens.appear(&entry.screen, featureContext(state))
        state.stack[state.stack.count - 1] = entry
        return lift(effects, from: entry, &state)
    }
}
