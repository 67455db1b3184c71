import CSodium

/// Bytes in libsodium's guarded allocation, wiped and freed when the owner is released.
///
/// Owns a raw `sodium_malloc` pointer; it is written once during set-up and only read afterwards, so
/// sharing across threads is safe.
final class SecretBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer
    let count: Int

    init(count: Int) {
        Sodium.ensureInitialised()
        guard let pointer = sodium_malloc(count) else { preconditionFailure("sodium_malloc(\(count)) failed") }
        self.pointer = pointer
        self.count = count
        sodium_memzero(pointer, count)
    }

    deinit {
        sodium_free(pointer)  // zeroes the memory before releasing it
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }
}
