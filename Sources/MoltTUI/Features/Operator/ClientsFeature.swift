import Foundation
public import MoltClient
import MoltCore

/// The OAuth2 clients screen's state.
public struct ClientsState: Equatable, Sendable {
    public var list: ListState<HydraOAuth2Client>
    public var nextPage: String?

    public init() {
        list = ListState()
        nextPage = nil
    }
}

/// What happens on the OAuth2 clients screen.
public enum ClientsMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<OryPage<HydraOAuth2Client>, ConsoleFailure>, appending: Bool)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case opened
    case idCopied
}

/// OAuth2 clients (operator, Hydra): id, name, scope, grant types, auth method, the agent it belongs to.
/// `enter` shows the client's document (never its secret: Hydra does not return it).
public struct ClientsFeature: Feature {
    let service: any OperatorService

    public init(service: any OperatorService) {
        self.service = service
    }

    static let spec = ListSpec<HydraOAuth2Client>(
        id: { $0.clientId ?? "" },
        searchText: {
            "\($0.clientId ?? "") \($0.clientName ?? "") \($0.scope ?? "") \($0.metadataValue("fingerprint") ?? "")"
        },
        sortableColumns: 3,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<HydraOAuth2Client>.order(left.clientName ?? "", right.clientName ?? "")
            case 1: ListSpec<HydraOAuth2Client>.order(left.clientId ?? "", right.clientId ?? "")
            default: ListSpec<HydraOAuth2Client>.order(left.createdAt ?? .distantPast, right.createdAt ?? .distantPast)
            }
        })

    public func title(_ state: ClientsState) -> String { "OAuth2 clients" }

    public func bindings(_ state: ClientsState, _ context: FeatureContext) -> [KeyBinding<ClientsMessage>] {
        KeyBinding.navigation { ClientsMessage.navigated($0) }
            + [
                KeyBinding([.enter], "the client's document", footer: "open", message: .opened),
                .copy("the client id", message: .idCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout ClientsState, _ message: ClientsMessage, _ context: FeatureContext)
        -> [Effect<ClientsMessage>]
    {
        let service = service
        let pageSize = ListView<HydraOAuth2Client>.pageSize(forPanelHeight: context.bodySize.rows)
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await service.oauthClients(pageToken: nil) },
                    then: { ClientsMessage.loaded($0, appending: false) })
            ]
        case .moreRequested:
            guard let token = state.nextPage, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [
                .call(
                    "load", { try await service.oauthClients(pageToken: token) },
                    then: { ClientsMessage.loaded($0, appending: true) })
            ]
        case .loaded(.success(let page), let appending):
            if appending {
                state.list.append(page.items, spec: Self.spec)
            } else {
                state.list.replace(page.items, spec: Self.spec)
            }
            state.nextPage = page.nextPageToken
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
            guard let client = state.list.selected else { return [] }
            return [
                .command(
                    .push(
                        .document(
                            DocumentState(
                                title: client.clientName ?? client.clientId ?? "client",
                                paragraphs: [TextView.Paragraph(Format.json(client))], copyText: client.clientId,
                                copyWhat: "the client id"))))
            ]
        case .idCopied:
            guard let id = state.list.selected?.clientId else { return [] }
            return [.command(.copy(id, what: "the client id"))]
        }
    }

    public func render(_ state: ClientsState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        ListView(
            state.list, title: "OAuth2 clients (Hydra)" + (state.nextPage == nil ? "" : " · more below"),
            columns: [
                TableColumn("Name", width: .flexible(minimum: 14, weight: 2)),
                TableColumn("Client id", width: .flexible(minimum: 10, weight: 2)),
                TableColumn("Scope", width: .flexible(minimum: 8, weight: 2)),
                TableColumn("Grants", width: .fixed(18)),
                TableColumn("Auth", width: .fixed(18)),
                TableColumn("Created", width: .fixed(16)),
            ],
            emptyText: "No OAuth2 client.",
            cell: { client, column in
                switch column {
                case 0: return TableCell(client.clientName ?? "—", role: .title)
                case 1: return TableCell(client.clientId ?? "—")
                case 2: return TableCell(client.scope ?? "—", role: .muted)
                case 3: return TableCell((client.grantTypes ?? []).joined(separator: ","), role: .muted)
                case 4: return TableCell(client.tokenEndpointAuthMethod ?? "—", role: .muted)
                default: return TableCell(client.createdAt.map(Format.dateTime) ?? "—", role: .muted)
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
    }

    public func appear(_ state: inout ClientsState, _ context: FeatureContext) -> [Effect<ClientsMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: ClientsState) -> ClientsMessage? { .refreshRequested }
    public func filterText(_ state: ClientsState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> ClientsMessage? { .filterChanged(text) }
    public func isBusy(_ state: ClientsState) -> Bool { state.list.isLoading }
}
