import Foundation
import MoltCore

/// Agents: `l` looks up an agent's public key by fingerprint (`GET /agents/{fingerprint}`, no sign-in
/// needed); `v` checks a signature against the selected agent (`POST /agents/{fingerprint}/verify`); `r`
/// reads every listed agent's profile again; `o`/`O` sort by a column.
public struct AgentsFeature: Feature {
    let service: any MoltService

    public init(service: any MoltService) {
        self.service = service
    }

    static let spec = ListSpec<AgentLookup>(
        id: { $0.profile.fingerprint.value }, searchText: { "\($0.profile.fingerprint) \($0.profile.publicKey)" },
        sortableColumns: 3,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<AgentLookup>.order(left.profile.fingerprint.value, right.profile.fingerprint.value)
            case 1: ListSpec<AgentLookup>.order(left.profile.publicKey, right.profile.publicKey)
            default: ListSpec<AgentLookup>.order(verificationRank(left), verificationRank(right))
            }
        })

    /// Not checked, not valid, valid: the order of the last column.
    static func verificationRank(_ lookup: AgentLookup) -> Int {
        guard let check = lookup.verification else { return 0 }
        return check.valid ? 2 : 1
    }

    public func title(_ state: AgentsState) -> String { "Agents" }

    public func bindings(_ state: AgentsState, _ context: FeatureContext) -> [KeyBinding<AgentsMessage>] {
        KeyBinding.navigation { AgentsMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("l"), .character("n")], "look up an agent by fingerprint", footer: "lookup",
                    message: .lookupRequested),
                KeyBinding(
                    [.character("v")], "verify a signature by the selected agent", footer: "verify",
                    message: .verifyRequested),
                KeyBinding([.enter], "details", footer: "details", message: .opened),
                .copy("the public key", message: .keyCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout AgentsState, _ message: AgentsMessage, _ context: FeatureContext)
        -> [Effect<AgentsMessage>]
    {
        let service = service
        switch message {
        case .lookupRequested:
            state.form = FormState(
                title: "Look up an agent", purpose: .lookup, fields: [.text("Fingerprint")], submitLabel: "Look up")
            return []
        case .verifyRequested:
            guard let agent = state.list.selected else {
                return [.info("Look up an agent first", detail: "l asks for a fingerprint")]
            }
            state.form = FormState(
                title: "Verify a signature by \(agent.profile.fingerprint)",
                purpose: .verify(agent.profile.fingerprint),
                fields: [.text("Signature")], submitLabel: "Verify",
                note: "the base64 signature of a signing request by this agent")
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
                switch form.purpose {
                case .lookup:
                    guard let fingerprint = try? Fingerprint(parsing: form.text("Fingerprint")) else {
                        form.note = "A fingerprint looks like 21FE-31DF-A154-A261."
                        state.form = form
                        return []
                    }
                    state.form = nil
                    state.isBusy = true
                    return [
                        .call("lookup", { try await service.agentProfile(fingerprint) }, then: AgentsMessage.lookedUp)
                    ]
                case .verify(let fingerprint):
                    let signature = form.text("Signature")
                    guard SigningLimits.signatureLength.contains(signature.count) else {
                        form.note = "A signature has 1 to 88 characters."
                        state.form = form
                        return []
                    }
                    state.form = nil
                    state.isBusy = true
                    return [
                        .call(
                            "verify", { try await service.verifyAgentSignature(signature, by: fingerprint) },
                            then: { AgentsMessage.verified($0, fingerprint: fingerprint, signature: signature) })
                    ]
                }
            }
        case .lookedUp(.success(let profile)):
            state.isBusy = false
            var rows = state.list.rows.filter { $0.profile.fingerprint != profile.fingerprint }
            rows.insert(AgentLookup(profile: profile), at: 0)
            state.list.replace(rows, spec: Self.spec)
            state.list.viewport = TableViewport()
            return [.reachable]
        case .lookedUp(.failure(let failure)):
            state.isBusy = false
            return Effect.report(failure)
        case .verified(.success(let result), let fingerprint, let signature):
            state.isBusy = false
            let rows = state.list.rows.map { lookup -> AgentLookup in
                guard lookup.profile.fingerprint == fingerprint else { return lookup }
                return AgentLookup(
                    profile: lookup.profile, verification: SignatureCheck(signature: signature, valid: result.valid))
            }
            state.list.replace(rows, spec: Self.spec)
            let flash: Effect<AgentsMessage> =
                result.valid
                ? .success("Valid: \(fingerprint) signed it")
                : .command(
                    .flash(.problem(title: "Not valid", detail: "no request by \(fingerprint) carries this signature")))
            return [.reachable, flash]
        case .verified(.failure(let failure), _, _):
            state.isBusy = false
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(
                navigation, pageSize: ListView<AgentLookup>.pageSize(forPanelHeight: context.bodySize.rows))
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
        case .refreshRequested:
            let fingerprints = state.list.rows.map(\.profile.fingerprint)
            guard !fingerprints.isEmpty, !state.isBusy else { return [] }
            state.isBusy = true
            return [
                .call(
                    "refresh",
                    {
                        var profiles: [AgentProfile] = []
                        for fingerprint in fingerprints { profiles.append(try await service.agentProfile(fingerprint)) }
                        return profiles
                    }, then: AgentsMessage.refreshed)
            ]
        case .refreshed(.success(let profiles)):
            state.isBusy = false
            let rows = state.list.rows.map { lookup in
                profiles.first { $0.fingerprint == lookup.profile.fingerprint }
                    .map { AgentLookup(profile: $0, verification: lookup.verification) } ?? lookup
            }
            state.list.replace(rows, spec: Self.spec)
            return [.reachable]
        case .refreshed(.failure(let failure)):
            state.isBusy = false
            return Effect.report(failure)
        case .keyCopied:
            guard let agent = state.list.selected else { return [] }
            return [.command(.copy(agent.profile.publicKey, what: "the public key"))]
        case .opened:
            guard let agent = state.list.selected else { return [] }
            var facts = [("Fingerprint", agent.profile.fingerprint.value), ("Public key", agent.profile.publicKey)]
            if let check = agent.verification {
                facts.append(("Signature", check.signature))
                facts.append(("Verified", check.valid ? "valid ✔" : "not valid ✖"))
            }
            return [
                .command(
                    .push(
                        .document(
                            DocumentState(
                                title: agent.profile.fingerprint.value, paragraphs: FactLines.paragraphs(facts),
                                copyText: agent.profile.publicKey, copyWhat: "the public key"))))
            ]
        }
    }

    public func render(_ state: AgentsState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        ListView(
            state.list, title: "Agents looked up",
            columns: [
                TableColumn("Fingerprint", width: .fixed(19)),
                TableColumn("Public key", width: .flexible(minimum: 20, weight: 3)),
                TableColumn("Last signature checked", width: .flexible(minimum: 10, weight: 1)),
            ],
            emptyText: "l looks up an agent by fingerprint (XXXX-XXXX-XXXX-XXXX).",
            cell: { agent, column in
                switch column {
                case 0: return TableCell(agent.profile.fingerprint.value, role: .title)
                case 1: return TableCell(agent.profile.publicKey)
                default:
                    guard let check = agent.verification else { return TableCell("—", role: .muted) }
                    return TableCell(check.valid ? "✔ valid" : "✖ not valid", role: check.valid ? .success : .error)
                }
            }
        ).render(in: rect, on: &screen, theme: context.theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: context.theme) }
    }

    public func appear(_ state: inout AgentsState, _ context: FeatureContext) -> [Effect<AgentsMessage>] {
        guard let text = state.pending else { return [] }
        state.pending = nil
        guard let fingerprint = try? Fingerprint(parsing: text) else {
            return [.command(.flash(.problem(title: "Not a fingerprint", detail: text)))]
        }
        state.isBusy = true
        let service = service
        return [.call("lookup", { try await service.agentProfile(fingerprint) }, then: AgentsMessage.lookedUp)]
    }

    public func refreshMessage(_ state: AgentsState) -> AgentsMessage? { .refreshRequested }
    public func filterText(_ state: AgentsState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> AgentsMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: AgentsState) -> AgentsMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: AgentsState) -> Bool { state.isBusy }
}
