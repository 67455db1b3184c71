/// Random bytes and tokens from the operating system's CSPRNG (libsodium `randombytes_buf`).
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.randomBytes(count)
    }

    /// A random token of `byteCount` bytes, encoded as unpadded base64url (43 characters for 32 bytes).
    public static func urlSafeToken(byteCount: Int = 32) -> String {
        Base64.encodeURL(bytes(byteCount))
    }

    /// A uniformly random decimal code of `digits` digits (leading zeros kept), e.g. a recovery code.
    public static func decimalCode(digits: Int) -> String {
        precondition((1...18).contains(digits), "a decimal code has 1 to 18 digits")
        var limit: UInt64 = 1
        for _ in 0..<digits { limit *= 10 }
        // Rejection sampling keeps every code equally likely.
        let ceiling = UInt64.max - UInt64.max % limit
        while true {
            let value = bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            if value < ceiling {
                let text = String(value % limit)
                return String(repeating: "0", count: digits - text.count) + text
            }
        }
    }
}
