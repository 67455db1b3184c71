import Foundation
import MoltCore
import Synchronization

/// Recently verified access tokens of the embedded issuer, so a request with a known token costs a hash
/// lookup instead of a signature check and two database reads.
///
/// Keys are the SHA-256 of the token (the token itself is never kept). An entry lives at most `lifetime`
/// (10 s by default, bounding how long another instance's or Kratos's change can go unseen), never past
/// the token's own `exp`, and is not used at a time before it was verified (a clock set back, `nbf`). Changes made through this process's embedded services drop the affected entries at
/// once: a client updated, rotated or deleted (`invalidate(clientID:)`), an identity changed or deleted
/// (`invalidate(identityID:)`). The cache holds at most `capacity` tokens; when full, expired entries are swept
/// and, if that is not enough, everything is dropped (a burst of new tokens only costs re-verification).
final class TokenVerificationCache: Sendable {
    private struct Entry {
        let introspection: TokenIntrospection
        let clientID: String
        let identityID: UUID?
        /// When it was verified: `nbf` held then, so it holds at any later time.
        let verifiedAt: Date
        let validUntil: Date
    }

    private struct State {
        var entries: [[UInt8]: Entry] = [:]
        /// Bumped by every invalidation, so a verification that raced with one is not stored.
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 10, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached introspection of `token`, when it was verified recently and is still within its lifetime.
    func lookup(_ token: String, now: Date) -> TokenIntrospection? {
        let key = Self.key(token)
        return state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.validUntil > now, now >= entry.verifiedAt else {
                state.entries[key] = nil
                return nil
            }
            return entry.introspection
        }
    }

    /// The current generation; pass it to `store` after verifying, so a result read before a concurrent
    /// invalidation is dropped instead of cached.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// Remembers a verified, active token until the earlier of `now + lifetime` and its expiry, unless an
    /// invalidation happened since `generation` was read.
    func store(_ token: String, _ introspection: TokenIntrospection, now: Date, generation: UInt64) {
        guard introspection.active, let clientID = introspection.clientID, let expiresAt = introspection.expiresAt
        else { return }
        let validUntil = min(expiresAt, now.addingTimeInterval(lifetime))
        guard validUntil > now else { return }
        let entry = Entry(
            introspection: introspection, clientID: clientID, identityID: introspection.identityID, verifiedAt: now,
            validUntil: validUntil)
        let key = Self.key(token)
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity {
                state.entries = state.entries.filter { $0.value.validUntil > now }
                if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            }
            state.entries[key] = entry
        }
    }

    /// Forgets every token of this client.
    func invalidate(clientID: String) {
        state.withLock { state in
            state.generation &+= 1
            state.entries = state.entries.filter { $0.value.clientID != clientID }
        }
    }

    /// Forgets every token speaking for this identity.
    func invalidate(identityID: UUID) {
        state.withLock { state in
            state.generation &+= 1
            state.entries = state.entries.filter { $0.value.identityID != identityID }
        }
    }

    /// The number of cached tokens (for tests).
    var count: Int { state.withLock { $0.entries.count } }

    private static func key(_ token: String) -> [UInt8] {
        Digest.sha256(Array(token.utf8))
    }
}
