public import Foundation

/// Voucher rules (spec §4.1).
public enum VoucherLimits {
    /// An agent may hold at most this many unredeemed, unexpired vouchers.
    public static let maxActive = 5
    /// Seconds a voucher stays valid after it is issued (24 hours).
    public static let lifetimeSeconds = 86_400
    /// The trust graph returns 1 to 1000 edges per page; 200 when absent.
    public static let graphLimitRange = 1...1000
    public static let defaultGraphLimit = 200
}

/// A single-use invitation code another agent registers with (openapi `Voucher`).
public struct Voucher: Codable, Hashable, Sendable {
    /// 64 lower-case hex characters.
    public var code: String
    public var expiresAt: Date
    /// The issuer's fingerprint.
    public var issuedBy: Fingerprint

    public init(code: String, expiresAt: Date, issuedBy: Fingerprint) {
        self.code = code
        self.expiresAt = expiresAt
        self.issuedBy = issuedBy
    }
}

/// The caller's unredeemed, unexpired vouchers (`GET /vouch/active`, an inline schema in openapi.json).
public struct ActiveVouchers: Codable, Hashable, Sendable {
    public var vouchers: [Voucher]

    public init(vouchers: [Voucher]) {
        self.vouchers = vouchers
    }
}

/// The public web of trust: one edge per redeemed voucher, newest first (`GET /vouch/graph`).
public struct TrustGraph: Codable, Hashable, Sendable {
    /// Issuer vouched for redeemer, who registered with the voucher at `redeemedAt`.
    public struct Edge: Codable, Hashable, Sendable {
        public var issuerFingerprint: Fingerprint
        public var redeemerFingerprint: Fingerprint
        public var redeemedAt: Date

        public init(issuerFingerprint: Fingerprint, redeemerFingerprint: Fingerprint, redeemedAt: Date) {
            self.issuerFingerprint = issuerFingerprint
            self.redeemerFingerprint = redeemerFingerprint
            self.redeemedAt = redeemedAt
        }
    }

    public var edges: [Edge]

    public init(edges: [Edge]) {
        self.edges = edges
    }
}

/// The query of `GET /vouch/graph` (getTrustGraph).
public struct TrustGraphQuery: QueryParameters, Hashable {
    /// 1 to 1000; 200 when absent.
    public var limit: Int?
    /// 0 or more; 0 when absent.
    public var offset: Int?

    public init(limit: Int? = nil, offset: Int? = nil) {
        self.limit = limit
        self.offset = offset
    }

    public init(queryItems: [QueryItem]) throws(ValidationFailure) {
        var reader = QueryReader(queryItems)
        limit = reader.integer("limit", in: VoucherLimits.graphLimitRange)
        offset = reader.integer("offset", minimum: 0)
        try reader.finish()
    }

    public var queryItems: [QueryItem] {
        [limit.map { QueryItem("limit", String($0)) }, offset.map { QueryItem("offset", String($0)) }]
            .compactMap { $0 }
    }
}
