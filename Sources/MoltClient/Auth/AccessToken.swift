public import Foundation
public import MoltCore

/// A bearer token from `POST /oauth2/token`, with the moment it was issued and the moment it expires.
public struct AccessToken: Sendable, CustomStringConvertible {
    /// The token itself, sent as `Authorization: Bearer <value>`.
    public let value: Secret<String>
    /// `bearer`.
    public let tokenType: String
    public let issuedAt: Date
    public let expiresAt: Date
    /// The granted scope, when the server named one.
    public let scope: String?

    public init(value: Secret<String>, tokenType: String, issuedAt: Date, expiresAt: Date, scope: String?) {
        self.value = value
        self.tokenType = tokenType
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.scope = scope
    }

    /// The `Authorization` header value.
    var authorization: String { "Bearer \(value.value)" }

    /// Whether the token should be replaced at `now`: when less than `margin` of its life is left. A token
    /// living less than twice the margin is replaced once half of its life has passed, so short-lived
    /// tokens are still used before being refreshed.
    public func needsRefresh(at now: Date, margin: Duration) -> Bool {
        let lifetime = expiresAt.timeIntervalSince(issuedAt)
        let effectiveMargin = min(margin.seconds, lifetime / 2)
        return expiresAt.timeIntervalSince(now) <= effectiveMargin
    }

    /// Whether `other` is the same token (compared in constant time).
    func isSame(as other: AccessToken) -> Bool {
        value.matches(other.value.value)
    }

    public var description: String { "AccessToken(\(tokenType), expires \(expiresAt), value: <redacted>)" }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
