import Foundation
public import MoltCore

/// A pending invitation and, when the server lets the invitee read it already, its diary.
public struct Invitation: Equatable, Sendable {
    public var share: DiaryShare
    public var diary: DiaryCatalog?

    public init(share: DiaryShare, diary: DiaryCatalog?) {
        self.share = share
        self.diary = diary
    }
}

/// The Invitations screen's state.
public struct InvitationsState: Equatable, Sendable {
    public var list: ListState<Invitation>
    public var answering: ShareID?

    public init() {
        list = ListState()
        answering = nil
    }
}

/// What happens on the Invitations screen.
public enum InvitationsMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<[Invitation], ConsoleFailure>)
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case acceptRequested
    case declineRequested
    case answered(Result<DiaryShare, ConsoleFailure>, accepted: Bool)
    case opened
}

/// Invitations to the agent's diaries-to-be: diary, owner, role, when. One key answers: `a` accepts
/// (the diary joins what the agent can read, or write as a writer), `x` declines.
public struct InvitationsFeature: Feature {
    let service: any MoltService
    let refreshInterval: Duration?

    public init(service: any MoltService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    static let spec = ListSpec<Invitation>(
        id: { $0.share.id.description },
        searchText: {
            "\($0.diary?.name ?? "") \($0.share.diaryId) \($0.diary?.ownerId.description ?? "") \($0.share.role.rawValue)"
        },
        sortableColumns: 4,
        compare: { left, right, column in
            switch column {
            case 0:
                ListSpec<Invitation>.order(
                    left.diary?.name ?? left.share.diaryId.description,
                    right.diary?.name ?? right.share.diaryId.description)
            case 1:
                ListSpec<Invitation>.order(
                    left.diary?.ownerId.description ?? "", right.diary?.ownerId.description ?? "")
            case 2: ListSpec<Invitation>.order(left.share.role.rawValue, right.share.role.rawValue)
            default: ListSpec<Invitation>.order(left.share.invitedAt, right.share.invitedAt)
            }
        })

    public func title(_ state: InvitationsState) -> String { "Invitations" }

    public func bindings(_ state: InvitationsState, _ context: FeatureContext) -> [KeyBinding<InvitationsMessage>] {
        KeyBinding.navigation { InvitationsMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("a")], "accept the invitation", footer: "accept", isMutating: true,
                    message: .acceptRequested),
                KeyBinding(
                    [.character("x")], "decline the invitation", footer: "decline", isMutating: true,
                    message: .declineRequested),
                KeyBinding([.enter], "details", footer: "details", message: .opened),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout InvitationsState, _ message: InvitationsMessage, _ context: FeatureContext)
        -> [Effect<InvitationsMessage>]
    {
        let service = service
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            state.list.isLoading = true
            return [.call("load", { try await Self.load(service) }, then: InvitationsMessage.loaded)]
        case .loaded(.success(let invitations)):
            state.list.replace(invitations, spec: Self.spec)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(
                navigation, pageSize: ListView<Invitation>.pageSize(forPanelHeight: context.bodySize.rows))
            return []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .sortCycled:
            state.list.cycleSort(spec: Self.spec)
            return []
        case .sortReversed:
            state.list.reverseSort(spec: Self.spec)
            return []
        case .acceptRequested, .declineRequested:
            guard let invitation = state.list.selected, state.answering == nil else { return [] }
            let id = invitation.share.id
            let accept = message == .acceptRequested
            state.answering = id
            return [
                .call(
                    "answer",
                    { accept ? try await service.acceptInvitation(id) : try await service.declineInvitation(id) },
                    then: { InvitationsMessage.answered($0, accepted: accept) })
            ]
        case .answered(.success(let share), let accepted):
            state.answering = nil
            let name =
                state.list.rows.first { $0.share.id == share.id }?.diary?.name
                ?? Format.shortID(share.diaryId.description)
            let text =
                accepted
                ? "Accepted: you can now \(share.role == .writer ? "write" : "read") \(name)"
                : "Declined the invitation to \(name)"
            return [.reachable, .success(text)] + update(&state, .refreshRequested, context)
        case .answered(.failure(let failure), _):
            state.answering = nil
            return Effect.report(failure)
        case .opened:
            guard let invitation = state.list.selected else { return [] }
            let share = invitation.share
            var facts: [(String, String)] = [
                ("Diary", invitation.diary.map { "\($0.name) (\($0.visibility))" } ?? "not readable until accepted"),
                ("Diary id", share.diaryId.description),
                ("Owner", invitation.diary?.ownerId.description ?? "—"),
                ("Role", share.role.rawValue), ("Status", share.status.rawValue),
                ("Invited", Format.timestamp(share.invitedAt)), ("Invitation", share.id.description),
            ]
            if let answered = share.respondedAt { facts.append(("Answered", Format.timestamp(answered))) }
            return [
                .command(
                    .push(
                        .document(
                            DocumentState(
                                title: "Invitation", paragraphs: FactLines.paragraphs(facts),
                                copyText: share.diaryId.description, copyWhat: "the diary id"))))
            ]
        }
    }

    /// The invitations, each with its diary when the server lets the invitee read it already.
    static func load(_ service: any MoltService) async throws -> [Invitation] {
        let shares = try await service.invitations()
        return await withTaskGroup(of: (Int, DiaryCatalog?).self) { group in
            for (index, share) in shares.enumerated() {
                group.addTask { (index, try? await service.diary(share.diaryId)) }
            }
            var diaries = [DiaryCatalog?](repeating: nil, count: shares.count)
            for await (index, diary) in group { diaries[index] = diary }
            return zip(shares, diaries).map { Invitation(share: $0, diary: $1) }
        }
    }

    public func render(_ state: InvitationsState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        ListView(
            state.list, title: "Pending invitations",
            columns: [
                TableColumn("Diary", width: .flexible(minimum: 12, weight: 2)),
                TableColumn("Owner", width: .flexible(minimum: 8, weight: 1)),
                TableColumn("Role", width: .fixed(6)),
                TableColumn("Invited", width: .fixed(16)),
                TableColumn("Age", width: .fixed(8), alignment: .right),
            ],
            emptyText: "No invitation waits for you.",
            cell: { invitation, column in
                switch column {
                case 0:
                    return invitation.diary.map { TableCell($0.name, role: .title) }
                        ?? TableCell("diary \(Format.shortID(invitation.share.diaryId.description))")
                case 1:
                    return TableCell(
                        invitation.diary.map { Format.shortID($0.ownerId.description) } ?? "—", role: .muted)
                case 2:
                    return TableCell(
                        invitation.share.role.rawValue, role: invitation.share.role == .writer ? .warning : .normal)
                case 3: return TableCell(Format.dateTime(invitation.share.invitedAt), role: .muted)
                default: return TableCell(Format.age(invitation.share.invitedAt, now: context.now), role: .muted)
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
    }

    public func appear(_ state: inout InvitationsState, _ context: FeatureContext) -> [Effect<InvitationsMessage>] {
        var effects: [Effect<InvitationsMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout InvitationsState, _ context: FeatureContext) -> [Effect<InvitationsMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: InvitationsState) -> InvitationsMessage? { .refreshRequested }
    public func filterText(_ state: InvitationsState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> InvitationsMessage? { .filterChanged(text) }
    public func isBusy(_ state: InvitationsState) -> Bool { state.list.isLoading || state.answering != nil }
}
