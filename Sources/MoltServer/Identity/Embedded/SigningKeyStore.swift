import Foundation
import MoltCore
import MoltPostgres
import Synchronization

/// The Ed25519 keys that sign access tokens (table `oauth2_signing_keys`), cached in memory.
///
/// The first instance to need a key creates it; concurrent instances agree through the one-active-key
/// index. Keys are looked up by `kid`; an unknown kid reloads the table at most every ten seconds, so a key
/// made by another instance is found without letting random kids query the database on every request.
final class SigningKeyStore: Sendable {
    /// The key new tokens are signed with.
    struct SigningKey: Sendable {
        let kid: String
        let privateKey: Ed25519PrivateKey
    }

    private struct Cache {
        var active: SigningKey?
        var publicKeys: [String: Ed25519PublicKey] = [:]
        var lastReload: ContinuousClock.Instant?
    }

    private let store: EmbeddedStore
    private let cache = Mutex(Cache())
    private static let reloadInterval = Duration.seconds(10)

    init(store: EmbeddedStore) {
        self.store = store
    }

    /// The active key, created on first use.
    func activeKey() async throws(IdentityError) -> SigningKey {
        if let active = cache.withLock({ $0.active }) { return active }
        return try await store.perform("load signing key") {
            let candidate = Ed25519PrivateKey.generate()
            let kid = JSONWebToken.thumbprint(candidate.publicKey)
            try await store.database.query(
                """
                INSERT INTO oauth2_signing_keys (kid, public_key, private_seed)
                VALUES (\(kid), \(Base64.encodeURL(candidate.publicKey.bytes)), \(candidate.seedBase64))
                ON CONFLICT DO NOTHING
                """)
            let row = try await store.database.query(
                "SELECT kid, private_seed FROM oauth2_signing_keys WHERE active"
            ).first
            guard let row else { throw IdentityError(.unavailable, "no active signing key") }
            let key = SigningKey(
                kid: try row.decode("kid"),
                privateKey: try Ed25519PrivateKey(seedBase64: try row.decode("private_seed", as: String.self)))
            cache.withLock {
                $0.active = key
                $0.publicKeys[key.kid] = key.privateKey.publicKey
            }
            return key
        }
    }

    /// The public key named `kid`, or nil when no such key exists.
    func publicKey(kid: String) async throws(IdentityError) -> Ed25519PublicKey? {
        let now = ContinuousClock.now
        let (known, mayReload) = cache.withLock { cache in
            (cache.publicKeys[kid], cache.lastReload.map { now - $0 >= Self.reloadInterval } ?? true)
        }
        if let known { return known }
        guard mayReload else { return nil }
        return try await reload()[kid]
    }

    /// Every published key, oldest first.
    func publishedKeys() async throws(IdentityError) -> [JSONWebKey] {
        _ = try await activeKey()
        return try await store.perform("list signing keys") {
            try await store.database.query(
                "SELECT kid, public_key FROM oauth2_signing_keys ORDER BY created_at, kid"
            ).rows.map { row in JSONWebKey(x: try row.decode("public_key"), kid: try row.decode("kid")) }
        }
    }

    /// Retires the active key and makes a new one; tokens signed by the old key keep verifying.
    func rotate() async throws(IdentityError) -> SigningKey {
        let key = Ed25519PrivateKey.generate()
        let kid = JSONWebToken.thumbprint(key.publicKey)
        try await store.perform("rotate signing key") {
            try await store.database.withTransaction { connection in
                try await connection.query("UPDATE oauth2_signing_keys SET active = false WHERE active")
                try await connection.query(
                    """
                    INSERT INTO oauth2_signing_keys (kid, public_key, private_seed)
                    VALUES (\(kid), \(Base64.encodeURL(key.publicKey.bytes)), \(key.seedBase64))
                    """)
            }
        }
        let signingKey = SigningKey(kid: kid, privateKey: key)
        cache.withLock {
            $0.active = signingKey
            $0.publicKeys[kid] = key.publicKey
        }
        return signingKey
    }

    private func reload() async throws(IdentityError) -> [String: Ed25519PublicKey] {
        let keys = try await store.perform("reload signing keys") {
            var keys: [String: Ed25519PublicKey] = [:]
            for row in try await store.database.query("SELECT kid, public_key FROM oauth2_signing_keys").rows {
                guard let bytes = Base64.decodeURL(try row.decode("public_key", as: String.self)) else { continue }
                keys[try row.decode("kid")] = try Ed25519PublicKey(bytes: bytes)
            }
            return keys
        }
        let now = ContinuousClock.now
        cache.withLock {
            $0.publicKeys.merge(keys) { current, _ in current }
            $0.lastReload = now
        }
        return keys
    }
}
