import CSodium

/// One-time initialisation of libsodium, shared by every crypto entry point in MoltCore.
///
/// `sodium_init` is idempotent and thread-safe; a failure means the process cannot do cryptography at all.
enum Sodium {
    private static let initialised: Bool = sodium_init() >= 0

    /// Makes sure libsodium is ready; traps if it cannot start (no entropy source), as nothing can continue.
    static func ensureInitialised() {
        precondition(initialised, "libsodium failed to initialise")
    }

    /// Fills a new array with `count` bytes from the operating system's CSPRNG.
    static func randomBytes(_ count: Int) -> [UInt8] {
        ensureInitialised()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) }
        return bytes
    }

    /// Compares two byte sequences in constant time for equal lengths; different lengths compare unequal.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return lhs.withUnsafeBytes { l in
            rhs.withUnsafeBytes { r in sodium_memcmp(l.baseAddress, r.baseAddress, lhs.count) == 0 }
        }
    }
}
