import Foundation
import MoltCore

/// Signing requests: the agent's requests by status (`f` cycles all, pending, completed, expired), `n`
/// creates one, `s` signs the selected pending request here with the agent's private key (which never
/// leaves the machine) and shows the server's verification. Expired requests are marked ⌛, also a pending
/// one whose time ran out before the server marked it.
public struct SigningFeature: Feature {
    let service: any MoltService
    let refreshInterval: Duration?

    public init(service: any MoltService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    static let spec = ListSpec<SigningRequest>(
        id: { $0.id.description }, searchText: { "\($0.status.rawValue) \($0.message) \($0.id)" }, sortableColumns: 3,
        compare: { left, right, column in
            switch column {
            case 0: ListSpec<SigningRequest>.order(left.createdAt, right.createdAt)
            case 1: ListSpec<SigningRequest>.order(left.status.rawValue, right.status.rawValue)
            default: ListSpec<SigningRequest>.order(left.message, right.message)
            }
        })

    public func title(_ state: SigningState) -> String { "Signing requests" }

    public func bindings(_ state: SigningState, _ context: FeatureContext) -> [KeyBinding<SigningMessage>] {
        KeyBinding.navigation { SigningMessage.navigated($0) }
            + [
                KeyBinding(
                    [.character("s")], "sign the request here with your private key", footer: "sign", isMutating: true,
                    message: .signRequested),
                KeyBinding(
                    [.character("n")], "new signing request", footer: "new", isMutating: true, message: .createRequested
                ),
                KeyBinding(
                    [.character("f")], "status: all, pending, completed, expired", footer: "status", group: .view,
                    message: .statusCycled),
                KeyBinding([.enter], "open the request", footer: "open", message: .opened),
                .copy("the signature", message: .signatureCopied),
            ] + KeyBinding.sorting(next: .sortCycled, reverse: .sortReversed)
    }

    public func update(_ state: inout SigningState, _ message: SigningMessage, _ context: FeatureContext)
        -> [Effect<SigningMessage>]
    {
        let service = service
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            state.list.isLoading = true
            let status = state.status
            return [.call("load", { try await service.signingRequests(status: status) }, then: SigningMessage.loaded)]
        case .loaded(.success(let page)):
            state.total = page.total
            state.list.replace(page.items, spec: Self.spec)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.list.isLoading = false
            state.list.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: Self.layout(Rect(size: context.bodySize)).pageSize)
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
        case .statusCycled:
            let all: [SigningRequestStatus?] = [nil] + SigningRequestStatus.knownCases.map { $0 }
            state.status = all[((all.firstIndex(of: state.status) ?? 0) + 1) % all.count]
            state.list.viewport = TableViewport()
            state.list.isLoading = false
            return update(&state, .refreshRequested, context)
        case .createRequested:
            state.form = FormState(
                title: "New signing request", purpose: .create, fields: [.text("Message")], submitLabel: "Create",
                note: "the server adds a nonce; sign it within 5 minutes")
            return []
        case .formKey(let key):
            guard var form = state.form else { return [] }
            switch form.handle(key) {
            case .edited:
                state.form = form
            case .cancelled:
                state.form = nil
            case .submitted:
                let message = form.fields.first?.value ?? ""
                guard SigningLimits.messageLength.contains(message.count) else {
                    form.note = "The message must have 1 to 100 000 characters."
                    state.form = form
                    return []
                }
                state.form = nil
                state.isSaving = true
                return [
                    .call(
                        "create", { try await service.createSigningRequest(message: message) },
                        then: SigningMessage.created)
                ]
            }
            return []
        case .created(.success(let request)):
            state.isSaving = false
            return [.reachable, .success("Created request \(Format.shortID(request.id.description)): s signs it")]
                + update(&state, .refreshRequested, context)
        case .created(.failure(let failure)):
            state.isSaving = false
            return Effect.report(failure)
        case .signRequested:
            guard let request = state.list.selected, state.signing == nil else { return [] }
            guard service.canSign else {
                return [
                    .command(
                        .flash(
                            .problem(
                                title: "No private key here", detail: "the credentials file has no keys.private_key")))
                ]
            }
            guard SigningState.isSignable(request, now: context.now) else {
                let why =
                    SigningState.isExpired(request, now: context.now) ? "it has expired" : "it is \(request.status)"
                return [.command(.flash(.problem(title: "Cannot sign this request", detail: why)))]
            }
            state.signing = request.id
            let id = request.id
            return [.call("sign", { try await service.signLocally(id) }, then: SigningMessage.signed)]
        case .signed(.success(let signed)):
            state.signing = nil
            state.lastSigned = signed
            let short = Format.shortID(signed.request.id.description)
            let flash: Effect<SigningMessage> =
                if signed.request.status == .pending {
                    .info("Signature for \(short) submitted", detail: "the server has not completed the request yet")
                } else if signed.verified && signed.request.valid != false {
                    .success("Signed \(short) here: the server verified the signature ✔")
                } else {
                    .command(.flash(.problem(title: "Signature rejected", detail: "the server could not verify it")))
                }
            return [.reachable, flash] + update(&state, .refreshRequested, context)
        case .signed(.failure(let failure)):
            state.signing = nil
            return Effect.report(failure)
        case .opened:
            guard let request = state.list.selected else { return [] }
            return [.command(.push(.document(Self.document(request, now: context.now))))]
        case .signatureCopied:
            guard let signature = state.list.selected?.signature else {
                return [.info("This request has no signature yet")]
            }
            return [.command(.copy(signature, what: "the signature"))]
        }
    }

    /// The request's full text.
    static func document(_ request: SigningRequest, now: Date) -> DocumentState {
        var facts: [(String, String)] = [
            ("Status", statusText(request, now: now)), ("Request", request.id.description),
            ("Created", Format.timestamp(request.createdAt)),
            (
                "Expires",
                "\(Format.timestamp(request.expiresAt)) (\(Format.countdown(to: request.expiresAt, now: now)))"
            ),
            ("Nonce", request.nonce.description), ("Signing input", request.signingInput),
            ("Signature", request.signature ?? "—"), ("Valid", request.valid.map { $0 ? "yes ✔" : "no ✖" } ?? "—"),
        ]
        if let completed = request.completedAt { facts.append(("Completed", Format.timestamp(completed))) }
        let paragraphs =
            FactLines.paragraphs(facts)
            + [
                TextView.Paragraph(""), TextView.Paragraph("Message", role: .title),
                TextView.Paragraph(request.message),
            ]
        return DocumentState(
            title: "Request \(Format.shortID(request.id.description))", paragraphs: paragraphs,
            copyText: request.message, copyWhat: "the message")
    }

    /// `pending`, `completed`, `⌛ expired`.
    static func statusText(_ request: SigningRequest, now: Date) -> String {
        SigningState.isExpired(request, now: now) ? "⌛ expired" : request.status.rawValue
    }
}
