import CSodium

/// argon2id password hashing on libsodium (`crypto_pwhash_str_alg` / `crypto_pwhash_str_verify`), for
/// secrets that must be checked but never stored: OAuth2 client secrets, recovery codes.
///
/// Hashes are libsodium's self-describing strings (`$argon2id$v=19$m=65536,t=2,p=1$…`), so the parameters
/// can change later without breaking old hashes. Both calls are slow by design (tens of milliseconds and
/// `memoryLimit` bytes of RAM): run them on `BlockingPool`, never on Swift's cooperative threads.
public enum PasswordHash {
    /// The cost of a hash.
    public struct Strength: Sendable, Equatable {
        /// Passes over memory (argon2id `t`).
        public let operationsLimit: Int
        /// Bytes of memory (argon2id `m`, in bytes).
        public let memoryLimit: Int

        public init(operationsLimit: Int, memoryLimit: Int) {
            self.operationsLimit = operationsLimit
            self.memoryLimit = memoryLimit
        }

        /// libsodium's interactive limits (t=2, 64 MiB): about 0.1 s on one core.
        public static var interactive: Strength {
            Strength(
                operationsLimit: crypto_pwhash_argon2id_opslimit_interactive(),
                memoryLimit: crypto_pwhash_argon2id_memlimit_interactive())
        }

        /// libsodium's minimum limits (t=1, 8 KiB): microseconds. For test suites only, never for real secrets.
        public static var minimum: Strength {
            Strength(
                operationsLimit: crypto_pwhash_argon2id_opslimit_min(),
                memoryLimit: crypto_pwhash_argon2id_memlimit_min())
        }
    }

    /// Hashes `secret` with argon2id and a random salt.
    /// - Throws: `CryptoError` when libsodium cannot allocate the memory the strength asks for.
    public static func hash(_ secret: String, strength: Strength = .interactive) throws(CryptoError) -> String {
        Sodium.ensureInitialised()
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_STRBYTES))
        let length = UInt64(secret.utf8.count)
        let status = secret.withCString { chars in
            crypto_pwhash_str_alg(
                &output, chars, length, UInt64(strength.operationsLimit), strength.memoryLimit,
                crypto_pwhash_alg_argon2id13())
        }
        guard status == 0 else { throw CryptoError(.operationFailed("crypto_pwhash_str_alg")) }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `secret` matches `hash` (constant time in the secret; malformed hashes never match).
    public static func verify(_ secret: String, against hash: String) -> Bool {
        Sodium.ensureInitialised()
        guard hash.hasPrefix("$argon2id$"), hash.utf8.count < Int(crypto_pwhash_STRBYTES) else { return false }
        let length = UInt64(secret.utf8.count)
        return secret.withCString { chars in crypto_pwhash_str_verify(hash, chars, length) == 0 }
    }
}
