import MoltCore

/// Vouchers (spec §1.4, §4.1): `POST /vouch`, `GET /vouch/active`, `GET /vouch/graph`.
struct VouchersController: Sendable {
    let service: VoucherService
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.issueVoucher, options: RouteOptions(rateLimitBucket: limits.bucket(.vouch))) { call in
            try await service.issue(by: call.caller())
        }
        router.add(Endpoints.listActiveVouchers) { call in
            try await service.active(for: call.caller())
        }
        router.add(Endpoints.getTrustGraph, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            try await service.trustGraph(limit: call.query.limit, offset: call.query.offset)
        }
    }
}
