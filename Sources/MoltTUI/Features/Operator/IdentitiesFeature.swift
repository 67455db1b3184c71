public import Foundation
public import MoltClient
import MoltCore

/// An agent as the operator sees it: its Kratos identity, its fingerprint (from the `public_key` trait) and
/// its Hydra client (by the client's `identity_id` metadata).
public struct AgentIdentity: Equatable, Sendable {
    public var identity: KratosIdentity
    public var fingerprint: String?
    public var client: HydraOAuth2Client?

    public init(identity: KratosIdentity, client: HydraOAuth2Client?) {
        self.identity = identity
        self.client = client
        fingerprint = identity.trait("public_key").flatMap { try? Ed25519PublicKey(parsing: $0).fingerprint.value }
    }
}

/// The Identities screen's state.
public struct IdentitiesState: Equatable, Sendable {
    public var list: ListState<AgentIdentity>
    public var nextPage: String?
    public var isSaving: Bool

    public init() {
        list = ListState()
        nextPage = nil
        isSaving = false
    }
}

/// A page of identities joined with the clients.
public struct IdentitiesPage: Equatable, Sendable {
    public var agents: [AgentIdentity]
    public var nextPage: String?
}

/// What happens on the Identities screen.
public enum IdentitiesMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<IdentitiesPage, ConsoleFailure>, appending: Bool)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case opened
    case stateToggleRequested
    case stateToggleConfirmed(UUID, KratosIdentityState)
    case stateChanged(Result<KratosIdentity, ConsoleFailure>)
    case idCopied
}

/// Identities (operator): the agents directory from Kratos (fingerprint, state, identity, voucher used) joined
/// with their Hydra clients. `enter` shows the identity and client documents; `a` activates or deactivates
/// an identity (confirmed; a deactivated agent's tokens stop working at once).
public struct IdentitiesFeature: Feature {
    let service: any OperatorService

    public init(service: any OperatorService) {
        self.service = service
    }

    static let spec = ListSpec<AgentIdentity>(
        id: { $0.identity.id.uuidString },
        searchText: {
            "\($0.fingerprint ?? "") \($0.identity.id.uuidString) \($0.identity.state?.rawValue ?? "") \($0.client?.clientId ?? "") \($0.client?.clientName ?? "")"
        },
        sortableColumns: 4,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<AgentIdentity>.order(left.fingerprint ?? "", right.fingerprint ?? "")
            case 1:
                ListSpec<AgentIdentity>.order(left.identity.state?.rawValue ?? "", right.identity.state?.rawValue ?? "")
            case 2: ListSpec<AgentIdentity>.order(left.client?.clientName ?? "", right.client?.clientName ?? "")
            default:
                ListSpec<AgentIdentity>.order(
                    left.identity.createdAt ?? .distantPast, right.identity.createdAt ?? .distantPast)
            }
        })

    public func title(_ state: IdentitiesState) -> String { "Identities" }

    public func bindings(_ state: IdentitiesState, _ context: FeatureContext) -> [KeyBinding<IdentitiesMessage>] {
        KeyBinding.navigation { IdentitiesMessage.navigated($0) }
            + [
                KeyBinding([.enter], "the identity and client documents", footer: "open", message: .opened),
                KeyBinding(
                    [.character("a")], "activate or deactivate the identity (asks first)", footer: "active/inactive",
                    isMutating: true, message: .stateToggleRequested),
                .copy("the identity id", message: .idCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout IdentitiesState, _ message: IdentitiesMessage, _ context: FeatureContext)
        -> [Effect<IdentitiesMessage>]
    {
        let service = service
        let pageSize = ListView<AgentIdentity>.pageSize(forPanelHeight: context.bodySize.rows)
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await Self.page(service, token: nil) },
                    then: { IdentitiesMessage.loaded($0, appending: false) })
            ]
        case .moreRequested:
            guard let token = state.nextPage, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await Self.page(service, token: token) },
                    then: { IdentitiesMessage.loaded($0, appending: true) })
            ]
        case .loaded(.success(let page), let appending):
            if appending {
                state.list.append(page.agents, spec: Self.spec)
            } else {
                state.list.replace(page.agents, spec: Self.spec)
            }
            state.nextPage = page.nextPage
            return [.reachable]
        case .loaded(.failure(let failure), _):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: pageSize)
            return state.list.isNearEnd(margin: pageSize) ? update(&state, .moreRequested, context) : []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .sortCycled:
            state.list.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.list.reverseSort(spec: Self.spec)
            return []
        case .opened:
            guard let agent = state.list.selected else { return [] }
            var paragraphs = [
                TextView.Paragraph("Identity (Kratos)", role: .title), TextView.Paragraph(Format.json(agent.identity)),
            ]
            paragraphs += [TextView.Paragraph(""), TextView.Paragraph("OAuth2 client (Hydra)", role: .title)]
            paragraphs.append(TextView.Paragraph(agent.client.map { Format.json($0) } ?? "none found"))
            return [
                .command(
                    .push(
                        .document(
                            DocumentState(
                                title: agent.fingerprint ?? Format.shortID(agent.identity.id.uuidString),
                                paragraphs: paragraphs,
                                copyText: agent.identity.id.uuidString.lowercased(), copyWhat: "the identity id"))))
            ]
        case .stateToggleRequested:
            guard let agent = state.list.selected else { return [] }
            let next: KratosIdentityState = agent.identity.state == .inactive ? .active : .inactive
            let body =
                next == .inactive
                ? "\(agent.fingerprint ?? "This agent") can no longer sign in; its tokens stop working at once."
                : "\(agent.fingerprint ?? "This agent") can sign in again."
            return [
                .command(
                    .confirm(
                        ConfirmRequest(
                            title: next == .inactive ? "Deactivate identity?" : "Activate identity?", body: body,
                            confirmLabel: next == .inactive ? "Deactivate" : "Activate",
                            isDestructive: next == .inactive,
                            message: .stateToggleConfirmed(agent.identity.id, next))))
            ]
        case .stateToggleConfirmed(let id, let next):
            state.isSaving = true
            return [
                .call(
                    "save", { try await service.setIdentityState(next, of: id) }, then: IdentitiesMessage.stateChanged)
            ]
        case .stateChanged(.success(let identity)):
            state.isSaving = false
            return [
                .reachable,
                .success(
                    "Identity \(Format.shortID(identity.id.uuidString.lowercased())) is \(identity.state?.rawValue ?? "changed")"
                ),
            ]
                + update(&state, .refreshRequested, context)
        case .stateChanged(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        case .idCopied:
            guard let agent = state.list.selected else { return [] }
            return [.command(.copy(agent.identity.id.uuidString.lowercased(), what: "the identity id"))]
        }
    }

    /// A page of identities with their clients (the clients' first pages, matched by `identity_id`).
    static func page(_ service: any OperatorService, token: String?) async throws -> IdentitiesPage {
        async let identities = service.identities(pageToken: token)
        var clients: [HydraOAuth2Client] = []
        var clientToken: String? = nil
        repeat {
            let page = try await service.oauthClients(pageToken: clientToken)
            clients += page.items
            clientToken = page.nextPageToken
        } while clientToken != nil && clients.count < 5000
        var byIdentity: [String: HydraOAuth2Client] = [:]
        for client in clients {
            if let id = client.metadataValue("identity_id") { byIdentity[id.lowercased()] = client }
        }
        let page = try await identities
        return IdentitiesPage(
            agents: page.items.map { AgentIdentity(identity: $0, client: byIdentity[$0.id.uuidString.lowercased()]) },
            nextPage: page.nextPageToken)
    }

    public func render(_ state: IdentitiesState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        ListView(
            state.list,
            title: "Identities (Kratos) and clients (Hydra)" + (state.nextPage == nil ? "" : " · more below"),
            columns: [
                TableColumn("Fingerprint", width: .fixed(19)),
                TableColumn("State", width: .fixed(8)),
                TableColumn("Client", width: .flexible(minimum: 12, weight: 2)),
                TableColumn("Created", width: .fixed(16)),
                TableColumn("Identity", width: .flexible(minimum: 8, weight: 2)),
                TableColumn("Voucher", width: .flexible(minimum: 8, weight: 1)),
            ],
            emptyText: "No identity yet.",
            cell: { agent, column in
                switch column {
                case 0: return TableCell(agent.fingerprint ?? "—", role: .title)
                case 1:
                    let value = agent.identity.state?.rawValue ?? "—"
                    return TableCell(value, role: agent.identity.state == .active ? .success : .warning)
                case 2: return TableCell(agent.client?.clientName ?? agent.client?.clientId ?? "—")
                case 3: return TableCell(agent.identity.createdAt.map(Format.dateTime) ?? "—", role: .muted)
                case 4: return TableCell(agent.identity.id.uuidString.lowercased(), role: .muted)
                default:
                    let voucher = agent.identity.trait("voucher_code") ?? "—"
                    return TableCell(
                        voucher == "genesis-bootstrap" ? "genesis" : String(voucher.prefix(12)), role: .muted)
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
    }

    public func appear(_ state: inout IdentitiesState, _ context: FeatureContext) -> [Effect<IdentitiesMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: IdentitiesState) -> IdentitiesMessage? { .refreshRequested }
    public func filterText(_ state: IdentitiesState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> IdentitiesMessage? { .filterChanged(text) }
    public func isBusy(_ state: IdentitiesState) -> Bool { state.list.isLoading || state.isSaving }
}
