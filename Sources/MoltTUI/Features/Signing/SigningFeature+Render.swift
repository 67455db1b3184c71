import Foundation
import MoltCore

extension SigningFeature {
    public func render(_ state: SigningState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let now = context.now
        let layout = Self.layout(rect)
        var title = "Signing requests · \(state.status.map(\.rawValue) ?? "all") · \(state.total) in all"
        if !service.canSign { title += " · no key here" }
        ListView(
            state.list, title: title,
            columns: [
                TableColumn("Created", width: .fixed(16)),
                TableColumn("Status", width: .fixed(10)),
                TableColumn("Message", width: .flexible(minimum: 12, weight: 3)),
                TableColumn("Expires", width: .fixed(8), alignment: .right),
                TableColumn("Valid", width: .fixed(5)),
                TableColumn("Id", width: .fixed(8)),
            ],
            emptyText: state.status == nil ? "No signing request. n creates one." : "No \(state.status!) request.",
            cell: { request, column in
                let expired = SigningState.isExpired(request, now: now)
                switch column {
                case 0: return TableCell(Format.dateTime(request.createdAt), role: .muted)
                case 1:
                    let role: StyleRole = expired ? .error : (request.status == .pending ? .warning : .success)
                    return TableCell(Self.statusText(request, now: now), role: role)
                case 2: return TableCell(Format.firstLine(request.message))
                case 3:
                    return request.status == .pending && !expired
                        ? TableCell(Format.countdown(to: request.expiresAt, now: now), role: .warning)
                        : TableCell("—", role: .muted)
                case 4:
                    switch request.valid {
                    case true?: return TableCell("✔", role: .success)
                    case false?: return TableCell("✖", role: .error)
                    case nil: return TableCell("—", role: .muted)
                    }
                default: return TableCell(Format.shortID(request.id.description), role: .muted)
                }
            }
        ).render(in: layout.list, on: &screen, theme: theme)

        let inside = Panel(title: "Verification", isFocused: false).render(in: layout.detail, on: &screen, theme: theme)
            .insetBy(dx: 1, dy: 0)
        renderVerification(state, in: inside, on: &screen, theme: theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: theme) }
    }

    private func renderVerification(_ state: SigningState, in inside: Rect, on screen: inout Screen, theme: Theme) {
        guard let signed = state.lastSigned else {
            let hint =
                state.signing != nil
                ? "Signing here and submitting…"
                : (service.canSign
                    ? "s signs the selected pending request with your key on this machine; the server then verifies it."
                    : "No private key in the credentials file: requests cannot be signed here.")
            screen.write(
                TextLayout.truncate(hint, toWidth: inside.width), row: inside.y, column: inside.x,
                style: theme.style(.muted), clip: inside)
            return
        }
        let verified = signed.verified && signed.request.valid != false
        let verdict: (String, String, StyleRole) =
            signed.request.status == .pending
            ? ("Verified", "… submitted; the server has not completed the request yet (r refreshes)", .warning)
            : (
                "Verified",
                verified ? "✔ valid: the server verified the signature against your public key" : "✖ not valid",
                verified ? .success : .error
            )
        FactLines.render(
            [
                ("Request", "\(signed.request.id) · \(signed.request.status)", .normal),
                ("Signature", signed.signature, .normal),
                verdict,
            ], in: inside, on: &screen, theme: theme)
    }

    static func layout(_ rect: Rect) -> (list: Rect, detail: Rect, pageSize: Int) {
        let parts = rect.splitBottom(5)
        return (parts.rest, parts.bottom, ListView<Int>.pageSize(forPanelHeight: parts.rest.height))
    }

    public func appear(_ state: inout SigningState, _ context: FeatureContext) -> [Effect<SigningMessage>] {
        var effects: [Effect<SigningMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout SigningState, _ context: FeatureContext) -> [Effect<SigningMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: SigningState) -> SigningMessage? { .refreshRequested }
    public func filterText(_ state: SigningState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> SigningMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: SigningState) -> SigningMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: SigningState) -> Bool { state.list.isLoading || state.isSaving || state.signing != nil }
}
