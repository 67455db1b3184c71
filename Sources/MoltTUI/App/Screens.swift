/// The features behind `ScreenState`: `box(_:)` pairs a screen's state with its feature, and every other
/// method goes through that pair. Adding a screen means one line in `box(_:)` (and its cases in
/// `ScreenState`, `ScreenKind` and `ScreenMessage`).
public struct Screens: Sendable {
    public let health: HealthFeature
    public let healthCheck: HealthCheckDetailFeature
    public let about: AboutFeature
    public let document: DocumentFeature
    public let home: HomeFeature
    public let diaries: DiariesFeature
    public let entries: EntriesFeature
    public let entry: EntryFeature
    public let entryEditor: EntryEditorFeature
    public let shares: SharesFeature
    public let reflect: ReflectFeature
    public let search: SearchFeature
    public let invitations: InvitationsFeature
    public let vouchers: VouchersFeature
    public let signing: SigningFeature
    public let agents: AgentsFeature
    public let feed: FeedFeature
    public let workflows: WorkflowsFeature
    public let workflow: WorkflowDetailFeature
    public let identities: IdentitiesFeature
    public let clients: ClientsFeature
    public let relations: RelationsFeature
    public let network: NetworkFeature

    public init(environment: ConsoleEnvironment) {
        let molt = environment.molt
        let operatorService = environment.operatorService ?? UnavailableOperatorService()
        let refresh = environment.refreshInterval
        health = HealthFeature(check: environment.healthCheck, refreshInterval: environment.refreshInterval)
        healthCheck = HealthCheckDetailFeature()
        about = AboutFeature()
        document = DocumentFeature()
        home = HomeFeature(service: molt, refreshInterval: refresh)
        diaries = DiariesFeature(service: molt)
        entries = EntriesFeature(service: molt)
        entry = EntryFeature(service: molt)
        entryEditor = EntryEditorFeature(service: molt)
        shares = SharesFeature(service: molt)
        reflect = ReflectFeature(service: molt)
        search = SearchFeature(service: molt)
        invitations = InvitationsFeature(service: molt, refreshInterval: refresh)
        vouchers = VouchersFeature(service: molt, refreshInterval: refresh)
        signing = SigningFeature(service: molt, refreshInterval: refresh)
        agents = AgentsFeature(service: molt)
        feed = FeedFeature(service: molt)
        workflows = WorkflowsFeature(service: operatorService, refreshInterval: refresh)
        workflow = WorkflowDetailFeature(service: operatorService, refreshInterval: refresh)
        identities = IdentitiesFeature(service: operatorService)
        clients = ClientsFeature(service: operatorService)
        relations = RelationsFeature(service: operatorService)
        network = NetworkFeature(service: molt)
    }

    /// The screen's feature and state, with its messages wrapped and unwrapped.
    func box(_ screen: ScreenState) -> ScreenBox {
        switch screen {
        case .health(let state):
            ScreenBox(health, state, ScreenState.health, ScreenMessage.health) {
                if case .health(let message) = $0 { message } else { nil }
            }
        case .healthCheck(let state):
            ScreenBox(healthCheck, state, ScreenState.healthCheck, ScreenMessage.healthCheck) {
                if case .healthCheck(let message) = $0 { message } else { nil }
            }
        case .about(let state):
            ScreenBox(about, state, ScreenState.about, ScreenMessage.about) {
                if case .about(let message) = $0 { message } else { nil }
            }
        case .document(let state):
            ScreenBox(document, state, ScreenState.document, ScreenMessage.document) {
                if case .document(let message) = $0 { message } else { nil }
            }
        case .home(let state):
            ScreenBox(home, state, ScreenState.home, ScreenMessage.home) {
                if case .home(let message) = $0 { message } else { nil }
            }
        case .diaries(let state):
            ScreenBox(diaries, state, ScreenState.diaries, ScreenMessage.diaries) {
                if case .diaries(let message) = $0 { message } else { nil }
            }
        case .entries(let state):
            ScreenBox(entries, state, ScreenState.entries, ScreenMessage.entries) {
                if case .entries(let message) = $0 { message } else { nil }
            }
        case .entry(let state):
            ScreenBox(entry, state, ScreenState.entry, ScreenMessage.entry) {
                if case .entry(let message) = $0 { message } else { nil }
            }
        case .entryEditor(let state):
            ScreenBox(entryEditor, state, ScreenState.entryEditor, ScreenMessage.entryEditor) {
                if case .entryEditor(let message) = $0 { message } else { nil }
            }
        case .shares(let state):
            ScreenBox(shares, state, ScreenState.shares, ScreenMessage.shares) {
                if case .shares(let message) = $0 { message } else { nil }
            }
        case .reflect(let state):
            ScreenBox(reflect, state, ScreenState.reflect, ScreenMessage.reflect) {
                if case .reflect(let message) = $0 { message } else { nil }
            }
        case .search(let state):
            ScreenBox(search, state, ScreenState.search, ScreenMessage.search) {
                if case .search(let message) = $0 { message } else { nil }
            }
        case .invitations(let state):
            ScreenBox(invitations, state, ScreenState.invitations, ScreenMessage.invitations) {
                if case .invitations(let message) = $0 { message } else { nil }
            }
        case .vouchers(let state):
            ScreenBox(vouchers, state, ScreenState.vouchers, ScreenMessage.vouchers) {
                if case .vouchers(let message) = $0 { message } else { nil }
            }
        case .signing(let state):
            ScreenBox(signing, state, ScreenState.signing, ScreenMessage.signing) {
                if case .signing(let message) = $0 { message } else { nil }
            }
        case .agents(let state):
            ScreenBox(agents, state, ScreenState.agents, ScreenMessage.agents) {
                if case .agents(let message) = $0 { message } else { nil }
            }
        case .feed(let state):
            ScreenBox(feed, state, ScreenState.feed, ScreenMessage.feed) {
                if case .feed(let message) = $0 { message } else { nil }
            }
        case .workflows(let state):
            ScreenBox(workflows, state, ScreenState.workflows, ScreenMessage.workflows) {
                if case .workflows(let message) = $0 { message } else { nil }
            }
        case .workflow(let state):
            ScreenBox(workflow, state, ScreenState.workflow, ScreenMessage.workflow) {
                if case .workflow(let message) = $0 { message } else { nil }
            }
        case .identities(let state):
            ScreenBox(identities, state, ScreenState.identities, ScreenMessage.identities) {
                if case .identities(let message) = $0 { message } else { nil }
            }
        case .clients(let state):
            ScreenBox(clients, state, ScreenState.clients, ScreenMessage.clients) {
                if case .clients(let message) = $0 { message } else { nil }
            }
        case .relations(let state):
            ScreenBox(relations, state, ScreenState.relations, ScreenMessage.relations) {
                if case .relations(let message) = $0 { message } else { nil }
            }
        case .network(let state):
            ScreenBox(network, state, ScreenState.network, ScreenMessage.network) {
                if case .network(let message) = $0 { message } else { nil }
            }
        }
    }

    public func title(_ screen: ScreenState) -> String { box(screen).title() }

    public func bindings(_ screen: ScreenState, _ context: FeatureContext) -> [KeyBinding<ScreenMessage>] {
        KeyBinding.available(box(screen).bindings(context), readOnly: context.isReadOnly)
    }

    /// Updates the screen when the message is for its kind; a message for another kind is dropped.
    public func update(_ screen: inout ScreenState, _ message: ScreenMessage, _ context: FeatureContext)
        -> [Effect<ScreenMessage>]
    {
        guard let (state, effects) = box(screen).update(message, context) else { return [] }
        screen = state
        return effects
    }

    public func render(_ screen: ScreenState, in rect: Rect, on canvas: inout Screen, _ context: FeatureContext) {
        box(screen).render(rect, &canvas, context)
    }

    public func appear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        let (state, effects) = box(screen).appear(context)
        screen = state
        return effects
    }

    public func disappear(_ screen: inout ScreenState, _ context: FeatureContext) -> [Effect<ScreenMessage>] {
        let (state, effects) = box(screen).disappear(context)
        screen = state
        return effects
    }

    /// The feature's optional abilities: refresh, filter, panes, key capture, busy.
    public func traits(_ screen: ScreenState) -> ScreenTraits { box(screen).traits }
}

/// One screen's feature and state behind closures, so `Screens` can treat every feature alike.
struct ScreenBox {
    let title: () -> String
    let bindings: (FeatureContext) -> [KeyBinding<ScreenMessage>]
    let update: (ScreenMessage, FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])?
    let render: (Rect, inout Screen, FeatureContext) -> Void
    let appear: (FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])
    let disappear: (FeatureContext) -> (ScreenState, [Effect<ScreenMessage>])
    let traits: ScreenTraits

    init<F: Feature>(
        _ feature: F, _ state: F.State, _ wrapState: @escaping (F.State) -> ScreenState,
        _ wrapMessage: @escaping @Sendable (F.Message) -> ScreenMessage,
        _ unwrapMessage: @escaping (ScreenMessage) -> F.Message?
    ) {
        title = { feature.title(state) }
        bindings = { context in feature.bindings(state, context).map { $0.map(wrapMessage) } }
        update = { message, context in
            guard let message = unwrapMessage(message) else { return nil }
            var state = state
            let effects = feature.update(&state, message, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        render = { rect, screen, context in feature.render(state, in: rect, on: &screen, context) }
        appear = { context in
            var state = state
            let effects = feature.appear(&state, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        disappear = { context in
            var state = state
            let effects = feature.disappear(&state, context).map { $0.map(wrapMessage) }
            return (wrapState(state), effects)
        }
        traits = ScreenTraits(feature, state, wrapMessage)
    }
}

/// What the app may do with the current screen beyond its bindings, wrapped into `ScreenMessage`s.
public struct ScreenTraits {
    public let refresh: ScreenMessage?
    public let filter: String?
    public let filterChanged: (String) -> ScreenMessage?
    public let nextPane: ScreenMessage?
    public let previousPane: ScreenMessage?
    public let capturedKey: (Key) -> ScreenMessage?
    public let isBusy: Bool
    /// Whether the screen takes printable keys now (an editor or a form is open), so `q`, `?`, `:` and
    /// `/` type instead of acting.
    public let capturesTyping: Bool

    init<F: Feature>(_ feature: F, _ state: F.State, _ wrap: @escaping (F.Message) -> ScreenMessage) {
        refresh = feature.refreshMessage(state).map(wrap)
        filter = feature.filterText(state)
        filterChanged = { feature.filterChanged($0).map(wrap) }
        nextPane = feature.paneMessage(next: true).map(wrap)
        previousPane = feature.paneMessage(next: false).map(wrap)
        capturedKey = { feature.capturedKey($0, state).map(wrap) }
        isBusy = feature.isBusy(state)
        capturesTyping = feature.capturedKey(.character("q"), state) != nil
    }
}
