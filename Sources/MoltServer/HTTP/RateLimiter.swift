import Foundation
import Synchronization

/// A named request budget per minute (spec §0.3).
public struct RateLimitBucket: Sendable, Hashable {
    public let name: String
    public let limit: Int

    public init(name: String, limit: Int) {
        self.name = name
        self.limit = limit
    }
}

/// The limits a server enforces, each configurable.
public struct RateLimits: Sendable, Equatable {
    public var authenticated: Int
    public var anonymous: Int
    public var embedding: Int
    public var vouch: Int
    public var signing: Int
    public var recovery: Int
    public var publicVerify: Int
    public var publicSearch: Int
    /// The fixed window.
    public var window: Duration

    /// The reference's defaults.
    public init(
        authenticated: Int = 100, anonymous: Int = 30, embedding: Int = 20, vouch: Int = 10, signing: Int = 5,
        recovery: Int = 5, publicVerify: Int = 10, publicSearch: Int = 15, window: Duration = .seconds(60)
    ) {
        self.authenticated = authenticated
        self.anonymous = anonymous
        self.embedding = embedding
        self.vouch = vouch
        self.signing = signing
        self.recovery = recovery
        self.publicVerify = publicVerify
        self.publicSearch = publicSearch
        self.window = window
    }

    /// The bucket of one of the reference's specially limited routes.
    public func bucket(_ route: LimitedRoute) -> RateLimitBucket {
        switch route {
        case .embedding: RateLimitBucket(name: "embedding", limit: embedding)
        case .vouch: RateLimitBucket(name: "vouch", limit: vouch)
        case .signing: RateLimitBucket(name: "signing", limit: signing)
        case .recovery: RateLimitBucket(name: "recovery", limit: recovery)
        case .publicVerify: RateLimitBucket(name: "publicVerify", limit: publicVerify)
        case .publicSearch: RateLimitBucket(name: "publicSearch", limit: publicSearch)
        }
    }

    /// Each limit multiplied (tests use large budgets except where limits are the subject).
    public func scaled(by factor: Int) -> RateLimits {
        RateLimits(
            authenticated: authenticated * factor, anonymous: anonymous * factor, embedding: embedding * factor,
            vouch: vouch * factor, signing: signing * factor, recovery: recovery * factor,
            publicVerify: publicVerify * factor, publicSearch: publicSearch * factor, window: window)
    }
}

/// The routes with a bucket of their own (spec §0.3).
public enum LimitedRoute: Sendable {
    case embedding, vouch, signing, recovery, publicVerify, publicSearch
}

/// Fixed-window counters per (bucket, key), in memory, with stale windows swept as it goes.
public final class RateLimiter: Sendable {
    /// The verdict on one request.
    public struct Decision: Sendable, Equatable {
        public let allowed: Bool
        public let limit: Int
        public let remaining: Int
        /// Seconds until the window resets.
        public let resetSeconds: Int
    }

    private struct Window {
        var start: ContinuousClock.Instant
        var count: Int
    }

    private let window: Duration
    private let windows = Mutex<[String: Window]>([:])
    private let clock = ContinuousClock()

    public init(window: Duration = .seconds(60)) {
        self.window = window
    }

    /// Counts one request for `key` in `bucket` and says whether it is within the limit.
    public func consume(bucket: RateLimitBucket, key: String) -> Decision {
        let now = clock.now
        let id = "\(bucket.name)|\(key)"
        return windows.withLock { windows in
            if windows.count > 10_000 {
                windows = windows.filter { now - $0.value.start < window }
            }
            var current = windows[id] ?? Window(start: now, count: 0)
            if now - current.start >= window {
                current = Window(start: now, count: 0)
            }
            current.count += 1
            windows[id] = current
            let left = window - (now - current.start)
            let reset = max(
                1, Int((Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18).rounded(.up)))
            return Decision(
                allowed: current.count <= bucket.limit, limit: bucket.limit,
                remaining: max(0, bucket.limit - current.count), resetSeconds: reset)
        }
    }
}
