import Foundation
import MoltCore

/// Home: the signed-in agent (fingerprint, public key, identity, client), its counts, pending invitations
/// (accept with `a`, decline with `x`) and active vouchers with their countdowns; one key jumps to each
/// screen. Refreshes on opening, on `r` and every `refreshInterval`.
public struct HomeFeature: Feature {
    let service: any MoltService
    let refreshInterval: Duration?

    public init(service: any MoltService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    public func title(_ state: HomeState) -> String { "Home" }

    public func bindings(_ state: HomeState, _ context: FeatureContext) -> [KeyBinding<HomeMessage>] {
        var bindings = KeyBinding.navigation { HomeMessage.navigated($0) }
        bindings.append(KeyBinding([.enter], "open the selected pane's screen", footer: "open", message: .opened))
        if state.focus == .invitations {
            bindings += [
                KeyBinding(
                    [.character("a")], "accept the selected invitation", footer: "accept", isMutating: true,
                    message: .acceptRequested),
                KeyBinding(
                    [.character("x")], "decline the selected invitation", footer: "decline", isMutating: true,
                    message: .declineRequested),
            ]
        }
        bindings += [
            KeyBinding([.character("d")], "diaries", footer: "diaries", group: .view, message: .jumped(.diaries)),
            KeyBinding([.character("i")], "invitations", group: .view, message: .jumped(.invitations)),
            KeyBinding([.character("v")], "vouchers", group: .view, message: .jumped(.vouchers)),
            KeyBinding([.character("s")], "signing requests", group: .view, message: .jumped(.signing)),
            KeyBinding([.character("f")], "public feed", group: .view, message: .jumped(.feed)),
            KeyBinding([.character("S")], "search the diaries", group: .view, message: .jumped(.search)),
        ]
        return bindings
    }

    public func update(_ state: inout HomeState, _ message: HomeMessage, _ context: FeatureContext)
        -> [Effect<HomeMessage>]
    {
        let layout = HomeLayout(Rect(size: context.bodySize))
        switch message {
        case .refreshRequested:
            guard !state.isLoading else { return [] }
            state.isLoading = true
            let service = service
            return [.call("load", { try await Self.overview(service) }, then: HomeMessage.loaded)]
        case .loaded(.success(let overview)):
            state.isLoading = false
            state.failure = nil
            state.overview = overview
            state.invitations.reveal(rowCount: overview.invitations.count, pageSize: layout.pageSize)
            state.vouchers.reveal(rowCount: overview.vouchers.count, pageSize: layout.pageSize)
            return [.reachable, .command(.identify(overview.whoami.fingerprint.value))]
        case .loaded(.failure(let failure)):
            state.isLoading = false
            state.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            switch state.focus {
            case .invitations:
                state.invitations.navigate(
                    navigation, rowCount: state.overview?.invitations.count ?? 0, pageSize: layout.pageSize)
            case .vouchers:
                state.vouchers.navigate(
                    navigation, rowCount: state.overview?.vouchers.count ?? 0, pageSize: layout.pageSize)
            }
            return []
        case .paneSwitched:
            state.focus = state.focus == .invitations ? .vouchers : .invitations
            return []
        case .opened:
            return update(&state, .jumped(state.focus == .invitations ? .invitations : .vouchers), context)
        case .acceptRequested, .declineRequested:
            guard let invitation = state.selectedInvitation, state.answering == nil else { return [] }
            state.answering = invitation.share.id
            let service = service
            let accept = message == .acceptRequested
            return [
                .call(
                    "answer",
                    {
                        accept
                            ? try await service.acceptInvitation(invitation.share.id)
                            : try await service.declineInvitation(invitation.share.id)
                    }, then: { HomeMessage.answered($0, accepted: accept) })
            ]
        case .answered(.success(let share), let accepted):
            state.answering = nil
            let verb = accepted ? "Accepted" : "Declined"
            let name =
                state.overview?.invitations.first { $0.share.id == share.id }?.diary?.name
                ?? "diary \(Format.shortID(share.diaryId.description))"
            return [.reachable, .success("\(verb) the invitation to \(name) as \(share.role)")]
                + update(&state, .refreshRequested, context)
        case .answered(.failure(let failure), _):
            state.answering = nil
            return Effect.report(failure)
        case .jumped(let shortcut):
            return [.command(.push(Self.screen(for: shortcut)))]
        }
    }

    /// The screen a shortcut opens.
    static func screen(for shortcut: HomeShortcut) -> ScreenState {
        switch shortcut {
        case .diaries: .diaries(DiariesState())
        case .invitations: .invitations(InvitationsState())
        case .vouchers: .vouchers(VouchersState())
        case .signing: .signing(SigningState())
        case .feed: .feed(FeedState())
        case .search: .search(SearchState())
        }
    }

    /// Reads everything Home shows, the calls running side by side.
    static func overview(_ service: any MoltService) async throws -> HomeOverview {
        async let whoami = service.whoami()
        async let diaries = service.diaries()
        async let invitations = InvitationsFeature.load(service)
        async let vouchers = service.activeVouchers()
        async let signing = service.signingRequests(status: .pending)
        return HomeOverview(
            whoami: try await whoami, diaryCount: try await diaries.count, invitations: try await invitations,
            vouchers: try await vouchers, pendingSigning: try await signing.total, canSign: service.canSign)
    }

    public func appear(_ state: inout HomeState, _ context: FeatureContext) -> [Effect<HomeMessage>] {
        var effects: [Effect<HomeMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout HomeState, _ context: FeatureContext) -> [Effect<HomeMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: HomeState) -> HomeMessage? { .refreshRequested }
    public func paneMessage(next: Bool) -> HomeMessage? { .paneSwitched }
    public func isBusy(_ state: HomeState) -> Bool { state.isLoading || state.answering != nil }
}
