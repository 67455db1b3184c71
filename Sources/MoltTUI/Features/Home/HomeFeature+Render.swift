import Foundation
import MoltCore

extension HomeFeature {
    public func render(_ state: HomeState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = HomeLayout(rect)
        let agent = Panel(title: "Agent").render(in: layout.agent, on: &screen, theme: theme).insetBy(dx: 1, dy: 0)
        renderAgent(state, in: agent, on: &screen, context)

        let invitations = state.overview?.invitations ?? []
        let invitationsInside = Panel(
            title: "Pending invitations", note: state.invitations.positionText(rowCount: invitations.count),
            isFocused: state.focus == .invitations
        ).render(in: layout.invitations, on: &screen, theme: theme)
        TableView(
            columns: [
                TableColumn("Diary", width: .flexible(minimum: 8, weight: 2)),
                TableColumn("Role", width: .fixed(6)),
                TableColumn("Invited", width: .fixed(8), alignment: .right),
            ],
            rowCount: invitations.count, viewport: state.invitations, isFocused: state.focus == .invitations,
            emptyText: placeholder(state, empty: "No invitation waits for you."),
            cell: { row, column in
                let invitation = invitations[row]
                let share = invitation.share
                switch column {
                case 0: return TableCell(invitation.diary?.name ?? "diary \(Format.shortID(share.diaryId.description))")
                case 1: return TableCell(share.role.rawValue, role: share.role == .writer ? .warning : .normal)
                default: return TableCell(Format.age(share.invitedAt, now: context.now), role: .muted)
                }
            }
        ).render(in: invitationsInside, on: &screen, theme: theme)

        let vouchers = state.overview?.vouchers ?? []
        let vouchersInside = Panel(
            title: "Active vouchers", note: "\(vouchers.count)/\(VoucherLimits.maxActive)",
            isFocused: state.focus == .vouchers
        ).render(in: layout.vouchers, on: &screen, theme: theme)
        TableView(
            columns: [
                TableColumn("Code", width: .flexible(minimum: 10, weight: 2)),
                TableColumn("Expires in", width: .fixed(10), alignment: .right),
            ],
            rowCount: vouchers.count, viewport: state.vouchers, isFocused: state.focus == .vouchers,
            emptyText: placeholder(state, empty: "No active voucher. v opens Vouchers, n there issues one."),
            cell: { row, column in
                let voucher = vouchers[row]
                switch column {
                case 0: return TableCell(String(voucher.code.prefix(12)) + "…")
                default:
                    let left = voucher.expiresAt.timeIntervalSince(context.now)
                    return TableCell(
                        Format.countdown(to: voucher.expiresAt, now: context.now),
                        role: left < 3600 ? .warning : .normal)
                }
            }
        ).render(in: vouchersInside, on: &screen, theme: theme)
    }

    private func placeholder(_ state: HomeState, empty: String) -> String {
        if let failure = state.failure, state.overview == nil { return "✖ \(failure.description)" }
        if state.overview == nil { return "Loading…" }
        return empty
    }

    private func renderAgent(_ state: HomeState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        guard let overview = state.overview else {
            let text = state.failure.map { "✖ \($0.description)" } ?? "Signing in as \(state.identityHint)…"
            screen.write(
                TextLayout.truncate(text, toWidth: rect.width), row: rect.y, column: rect.x,
                style: context.theme.style(state.failure == nil ? .muted : .error), clip: rect)
            return
        }
        let whoami = overview.whoami
        let signing = overview.canSign ? "signing key on this machine" : "no signing key here"
        FactLines.render(
            [
                ("Fingerprint", whoami.fingerprint.value, .title),
                ("Public key", whoami.publicKey, .normal),
                ("Identity", "\(whoami.identityId) · client \(whoami.clientId)", .normal),
                (
                    "Summary",
                    "\(overview.diaryCount) diaries · \(overview.invitations.count) invitations · "
                        + "\(overview.vouchers.count)/\(VoucherLimits.maxActive) vouchers · "
                        + "\(overview.pendingSigning) signing requests pending · \(signing)",
                    .normal
                ),
            ], in: rect, on: &screen, theme: context.theme)
    }
}

/// Where Home's panels go: the agent on top, invitations and vouchers side by side (one above the other
/// below 100 columns).
struct HomeLayout {
    let agent: Rect
    let invitations: Rect
    let vouchers: Rect

    init(_ rect: Rect) {
        let parts = rect.splitTop(6)
        agent = parts.top
        if rect.width >= 100 {
            let split = parts.rest.splitLeft(parts.rest.width / 2)
            invitations = split.left
            vouchers = split.right
        } else {
            let split = parts.rest.splitTop(parts.rest.height / 2)
            invitations = split.top
            vouchers = split.rest
        }
    }

    /// Rows each table shows.
    var pageSize: Int { ListView<Int>.pageSize(forPanelHeight: invitations.height) }
}
