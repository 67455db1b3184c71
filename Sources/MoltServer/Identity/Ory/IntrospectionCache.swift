import Foundation
import MoltCore
import Synchronization

/// A short-lived memory of introspection answers, keyed by SHA-256 of the token (tokens themselves are
/// never kept), so a burst of requests with one token costs one call to Hydra.
///
/// An answer is kept for `lifetime` (30 s by default) and never past the token's own expiry; revoking a
/// client or deactivating an identity therefore takes effect within `lifetime`. The oldest entries are
/// dropped beyond `capacity`.
final class IntrospectionCache: Sendable {
    private struct Entry {
        let value: TokenIntrospection
        let expires: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    let lifetime: TimeInterval
    let capacity: Int

    init(lifetime: TimeInterval = 30, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    func value(for token: String, now: Date) -> TokenIntrospection? {
        let key = Self.key(token)
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    func store(_ value: TokenIntrospection, for token: String, now: Date) {
        var expires = now.addingTimeInterval(lifetime)
        if let tokenExpiry = value.expiresAt, tokenExpiry < expires { expires = tokenExpiry }
        guard expires > now else { return }
        let key = Self.key(token)
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                while entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires }) {
                    entries[oldest.key] = nil
                }
            }
            entries[key] = Entry(value: value, expires: expires)
        }
    }

    private static func key(_ token: String) -> String {
        Hex.encode(Digest.sha256(token))
    }
}
