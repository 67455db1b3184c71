import Foundation
public import MoltCore

/// A diary's shares (owner only): who it is shared with, the role, the invitation's status.
public struct SharesState: Equatable, Sendable {
    public var diary: DiaryCatalog
    public var list: ListState<DiaryShare>
    public var form: FormState<ShareForm>?
    /// Fingerprints of agents invited from this screen, by identity (shares name identities only).
    public var fingerprints: [AgentID: String]
    public var isSaving: Bool

    public init(diary: DiaryCatalog) {
        self.diary = diary
        list = ListState()
        form = nil
        fingerprints = [:]
        isSaving = false
    }
}

/// What a shares form does.
public enum ShareForm: Equatable, Sendable {
    case invite
    case revoke
}

/// What happens on the shares screen.
public enum SharesMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<[DiaryShare], ConsoleFailure>)
    case navigated(Navigation)
    case filterChanged(String)
    case sortCycled
    case sortReversed
    case inviteRequested
    case revokeRequested
    case formKey(Key)
    case revokeConfirmed(String)
    case shared(Result<DiaryShare, ConsoleFailure>, fingerprint: String)
    case revoked(Result<String, ConsoleFailure>)
}

/// Shares of one diary: `n` invites an agent by fingerprint as reader or writer; `D` revokes a share (asks
/// for the agent's fingerprint, prefilled when it was invited here, then confirms).
public struct SharesFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<DiaryShare>(
        id: { $0.id.description },
        searchText: { "\($0.sharedWith) \($0.role.rawValue) \($0.status.rawValue)" },
        sortableColumns: 4,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<DiaryShare>.order(left.sharedWith, right.sharedWith)
            case 1: ListSpec<DiaryShare>.order(left.role.rawValue, right.role.rawValue)
            case 2: ListSpec<DiaryShare>.order(left.status.rawValue, right.status.rawValue)
            default: ListSpec<DiaryShare>.order(left.invitedAt, right.invitedAt)
            }
        })

    public func title(_ state: SharesState) -> String { "Shares" }

    public func bindings(_ state: SharesState, _ context: FeatureContext) -> [KeyBinding<SharesMessage>] {
        KeyBinding.navigation { SharesMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("n")], "invite an agent by fingerprint", footer: "invite", isMutating: true,
                    message: .inviteRequested),
                KeyBinding(
                    [.character("D"), .delete], "revoke the share (asks first)", footer: "revoke", isMutating: true,
                    message: .revokeRequested),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout SharesState, _ message: SharesMessage, _ context: FeatureContext)
        -> [Effect<SharesMessage>]
    {
        let service = service
        let diaryID = state.diary.id
        switch message {
        case .refreshRequested:
            state.list.isLoading = true
            return [.call("load", { try await service.shares(of: diaryID) }, then: SharesMessage.loaded)]
        case .loaded(.success(let shares)):
            state.list.replace(shares, spec: Self.spec)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(
                navigation, pageSize: ListView<DiaryShare>.pageSize(forPanelHeight: context.bodySize.rows))
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
        case .inviteRequested:
            state.form = FormState(
                title: "Invite to \(state.diary.name)", purpose: .invite,
                fields: [.text("Fingerprint"), .choice("Role", ShareRole.knownRawValues, selected: "reader")],
                submitLabel: "Invite", note: "writers can add, edit and delete entries; readers only read")
            return []
        case .revokeRequested:
            guard let share = state.list.selected else { return [] }
            state.form = FormState(
                title: "Revoke share", purpose: .revoke,
                fields: [.text("Fingerprint", state.fingerprints[share.sharedWith] ?? "")], submitLabel: "Revoke",
                note:
                    "the fingerprint of agent \(Format.shortID(share.sharedWith.description)) (shares name identities only)"
            )
            return []
        case .formKey(let key):
            guard var form = state.form else { return [] }
            switch form.handle(key) {
            case .edited:
                state.form = form
                return []
            case .cancelled:
                state.form = nil
                return []
            case .submitted:
                let text = form.text("Fingerprint").uppercased()
                guard let fingerprint = try? Fingerprint(parsing: text) else {
                    form.note = "A fingerprint looks like 21FE-31DF-A154-A261."
                    state.form = form
                    return []
                }
                state.form = nil
                if form.purpose == .revoke {
                    return [
                        .command(
                            .confirm(
                                ConfirmRequest(
                                    title: "Revoke share?",
                                    body: "\(fingerprint) loses access to “\(state.diary.name)” at once.",
                                    confirmLabel: "Revoke", isDestructive: true,
                                    message: .revokeConfirmed(fingerprint.value))))
                    ]
                }
                let role = ShareRole(rawValue: form.choice("Role"))
                state.isSaving = true
                return [
                    .call(
                        "save", { try await service.share(diaryID, with: fingerprint, role: role) },
                        then: { SharesMessage.shared($0, fingerprint: fingerprint.value) })
                ]
            }
        case .revokeConfirmed(let text):
            guard let fingerprint = try? Fingerprint(parsing: text) else { return [] }
            state.isSaving = true
            return [
                .call(
                    "save",
                    {
                        try await service.revokeShare(of: diaryID, from: fingerprint); return text
                    },
                    then: SharesMessage.revoked)
            ]
        case .shared(.success(let share), let fingerprint):
            state.isSaving = false
            state.fingerprints[share.sharedWith] = fingerprint
            return [.reachable, .success("Invited \(fingerprint) as \(share.role)")]
                + update(&state, .refreshRequested, context)
        case .revoked(.success(let fingerprint)):
            state.isSaving = false
            return [.reachable, .success("Revoked \(fingerprint)")] + update(&state, .refreshRequested, context)
        case .shared(.failure(let failure), _), .revoked(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        }
    }

    public func render(_ state: SharesState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let fingerprints = state.fingerprints
        ListView(
            state.list, title: "Shares of \(state.diary.name)",
            columns: [
                TableColumn("Agent", width: .flexible(minimum: 19, weight: 2)),
                TableColumn("Role", width: .fixed(6)),
                TableColumn("Status", width: .fixed(9)),
                TableColumn("Invited", width: .fixed(16)),
                TableColumn("Answered", width: .fixed(9), alignment: .right),
            ],
            emptyText: "Not shared with anyone. n invites an agent by fingerprint.",
            cell: { share, column in
                switch column {
                case 0: return TableCell(fingerprints[share.sharedWith] ?? share.sharedWith.description)
                case 1: return TableCell(share.role.rawValue)
                case 2:
                    return TableCell(share.status.rawValue, role: share.status == .accepted ? .success : .warning)
                case 3: return TableCell(Format.dateTime(share.invitedAt), role: .muted)
                default:
                    return TableCell(share.respondedAt.map { Format.age($0, now: context.now) } ?? "—", role: .muted)
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: context.theme) }
    }

    public func appear(_ state: inout SharesState, _ context: FeatureContext) -> [Effect<SharesMessage>] {
        update(&state, .refreshRequested, context)
    }

    public func refreshMessage(_ state: SharesState) -> SharesMessage? { .refreshRequested }
    public func filterText(_ state: SharesState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> SharesMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: SharesState) -> SharesMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: SharesState) -> Bool { state.list.isLoading || state.isSaving }
}
