import Foundation
import MoltCore

/// Vouchers (spec §1.4, §4.1): `POST /vouch`, `GET /vouch/active`, `GET /vouch/graph`.
struct VouchersController: Sendable {
    let vouchers: VoucherRepository
    let clock: @Sendable () -> Date
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.issueVoucher, options: RouteOptions(rateLimitBucket: limits.bucket(.vouch))) { call in
            let caller = try call.caller()
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
        router.add(Endpoints.listActiveVouchers) { call in
            let caller = try call.caller()
            let fingerprint = try Fingerprint(parsing: caller.fingerprint)
            let active = try await vouchers.active(issuedBy: caller.agentID, now: clock())
            return ActiveVouchers(
                vouchers: active.map { Voucher(code: $0.code, expiresAt: $0.expiresAt, issuedBy: fingerprint) })
        }
        router.add(Endpoints.getTrustGraph, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            TrustGraph(
                edges: try await vouchers.trustGraph(
                    limit: call.query.limit ?? VoucherLimits.defaultGraphLimit, offset: call.query.offset ?? 0))
        }
    }
}
