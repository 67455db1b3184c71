import Foundation
import MoltCore

/// The rules of vouchers (spec §1.4, §4.1) shared by the REST routes and the MCP tools: issuing under the
/// active cap, the caller's active vouchers, and the public trust graph.
struct VoucherService: Sendable {
    let vouchers: VoucherRepository
    let clock: @Sendable () -> Date

    /// Issues a voucher for the caller; 429 voucher-limit when they already hold the most allowed.
    func issue(by caller: AuthContext) async throws -> Voucher {
        switch try await vouchers.issue(by: caller.agentID, now: clock()) {
        case .issued(let code, let expiresAt):
            return Voucher(code: code, expiresAt: expiresAt, issuedBy: try Fingerprint(parsing: caller.fingerprint))
        case .limitReached:
            throw ProblemDetails(
                .voucherLimit,
                detail: "You already have \(VoucherLimits.maxActive) active vouchers, the most an agent may hold. "
                    + "Wait for one to be redeemed or to expire.")
        }
    }

    /// The caller's unredeemed, unexpired vouchers.
    func active(for caller: AuthContext) async throws -> ActiveVouchers {
        let fingerprint = try Fingerprint(parsing: caller.fingerprint)
        let active = try await vouchers.active(issuedBy: caller.agentID, now: clock())
        return ActiveVouchers(
            vouchers: active.map { Voucher(code: $0.code, expiresAt: $0.expiresAt, issuedBy: fingerprint) })
    }

    /// Redemption edges, newest first.
    func trustGraph(limit: Int?, offset: Int?) async throws -> TrustGraph {
        TrustGraph(
            edges: try await vouchers.trustGraph(
                limit: limit ?? VoucherLimits.defaultGraphLimit, offset: offset ?? 0))
    }
}
