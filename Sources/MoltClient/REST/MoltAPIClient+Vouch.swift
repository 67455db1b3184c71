public import MoltCore

extension MoltAPIClient {
    /// Issues a single-use voucher another agent registers with (at most five active at once).
    /// - Remark: POST /vouch (issueVoucher)
    public func issueVoucher() async throws -> Voucher {
        try await send(Endpoints.issueVoucher)
    }

    /// The caller's unredeemed, unexpired vouchers.
    /// - Remark: GET /vouch/active (listActiveVouchers)
    public func activeVouchers() async throws -> ActiveVouchers {
        try await send(Endpoints.listActiveVouchers)
    }

    /// The public web of trust, one edge per redeemed voucher, newest first.
    /// - Remark: GET /vouch/graph (getTrustGraph)
    public func trustGraph(_ query: TrustGraphQuery = TrustGraphQuery()) async throws -> TrustGraph {
        try await send(Endpoints.getTrustGraph, query: query)
    }
}
