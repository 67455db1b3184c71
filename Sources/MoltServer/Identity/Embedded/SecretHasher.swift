import Foundation
import MoltCore
import Synchronization

/// argon2id hashing and checking of client secrets and recovery codes, on `BlockingPool` threads and at
/// most one per two cores at a time in the whole process by default (each call holds 64 MiB and a core for
/// about 0.1 s, so hashing never takes every core from request handling).
///
/// `verifyUnknown` checks a secret against a decoy hash, so a request for an unknown client costs as much as
/// one for a known client and response times do not reveal which client ids exist.
final class SecretHasher: Sendable {
    let strength: PasswordHash.Strength
    private let limiter: AsyncSemaphore
    private let pool: BlockingPool
    private let decoy = Mutex<String?>(nil)

    /// The process-wide limit shared by every hasher unless one is given.
    static let processLimiter = AsyncSemaphore(permits: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))

    init(
        strength: PasswordHash.Strength = .interactive, limiter: AsyncSemaphore = SecretHasher.processLimiter,
        pool: BlockingPool = .shared
    ) {
        self.strength = strength
        self.limiter = limiter
        self.pool = pool
    }

    /// The argon2id hash of `secret`.
    func hash(_ secret: String) async throws(IdentityError) -> String {
        let strength = strength
        await limiter.acquire()
        let hashed = await pool.run { try? PasswordHash.hash(secret, strength: strength) }
        await limiter.release()
        guard let hashed else { throw IdentityError(.unavailable, "could not hash a secret") }
        return hashed
    }

    /// Whether `secret` matches `hash`.
    func verify(_ secret: String, against hash: String) async -> Bool {
        await limiter.acquire()
        let matches = await pool.run { PasswordHash.verify(secret, against: hash) }
        await limiter.release()
        return matches
    }

    /// Spends the same work as `verify` on a decoy and answers false.
    func verifyUnknown(_ secret: String) async -> Bool {
        let decoyHash: String
        if let cached = decoy.withLock({ $0 }) {
            decoyHash = cached
        } else {
            guard let made = try? await hash(SecureRandom.urlSafeToken()) else { return false }
            decoy.withLock { $0 = $0 ?? made }
            decoyHash = made
        }
        _ = await verify(secret, against: decoyHash)
        return false
    }
}

/// A counting semaphore for async code: `acquire` suspends while no permit is free.
actor AsyncSemaphore {
    private var permits: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) {
        precondition(permits > 0, "a semaphore needs at least one permit")
        self.permits = permits
    }

    func acquire() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            permits += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
