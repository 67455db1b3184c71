/// Every screen the console can show, with its state: one case per feature.
///
/// Adding a screen: add a case here, in `ScreenKind` and in `ScreenMessage`, and a line in `Screens.box(_:)`.
public enum ScreenState: Equatable, Sendable {
    case health(HealthState)
    case healthCheck(HealthCheckDetailState)
    case about(AboutState)
    case document(DocumentState)
    case home(HomeState)
    case diaries(DiariesState)
    case entries(EntriesState)
    case entry(EntryState)
    case entryEditor(EntryEditorState)
    case shares(SharesState)
    case reflect(ReflectState)
    case search(SearchState)
    case invitations(InvitationsState)
    case vouchers(VouchersState)
    case signing(SigningState)
    case agents(AgentsState)
    case feed(FeedState)
    case workflows(WorkflowsState)
    case workflow(WorkflowDetailState)
    case identities(IdentitiesState)
    case clients(ClientsState)
    case relations(RelationsState)
    case network(NetworkState)

    /// Which screen it is (for commands that must find a screen of a kind in the stack).
    public var kind: ScreenKind {
        switch self {
        case .health: .health
        case .healthCheck: .healthCheck
        case .about: .about
        case .document: .document
        case .home: .home
        case .diaries: .diaries
        case .entries: .entries
        case .entry: .entry
        case .entryEditor: .entryEditor
        case .shares: .shares
        case .reflect: .reflect
        case .search: .search
        case .invitations: .invitations
        case .vouchers: .vouchers
        case .signing: .signing
        case .agents: .agents
        case .feed: .feed
        case .workflows: .workflows
        case .workflow: .workflow
        case .identities: .identities
        case .clients: .clients
        case .relations: .relations
        case .network: .network
        }
    }
}

/// The kinds of screens.
public enum ScreenKind: String, Hashable, Sendable {
    case health, healthCheck, about, document, home, diaries, entries, entry, entryEditor, shares, reflect, search,
        invitations, vouchers, signing, agents, feed, workflows, workflow, identities, clients, relations, network
}

/// A message for one screen: one case per feature.
public enum ScreenMessage: Equatable, Sendable {
    case health(HealthMessage)
    case healthCheck(HealthCheckDetailMessage)
    case about(AboutMessage)
    case document(DocumentMessage)
    case home(HomeMessage)
    case diaries(DiariesMessage)
    case entries(EntriesMessage)
    case entry(EntryMessage)
    case entryEditor(EntryEditorMessage)
    case shares(SharesMessage)
    case reflect(ReflectMessage)
    case search(SearchMessage)
    case invitations(InvitationsMessage)
    case vouchers(VouchersMessage)
    case signing(SigningMessage)
    case agents(AgentsMessage)
    case feed(FeedMessage)
    case workflows(WorkflowsMessage)
    case workflow(WorkflowDetailMessage)
    case identities(IdentitiesMessage)
    case clients(ClientsMessage)
    case relations(RelationsMessage)
    case network(NetworkMessage)
}

/// A screen in the navigation stack, with the id its effects are scoped under.
public struct RouteEntry: Equatable, Sendable {
    public var id: Int
    public var screen: ScreenState

    public init(id: Int, screen: ScreenState) {
        self.id = id
        self.screen = screen
    }

    /// The scope of its effects (`route3`).
    public var scope: String { "route\(id)" }
}
