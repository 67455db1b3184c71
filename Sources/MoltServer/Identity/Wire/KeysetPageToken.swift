import MoltCore

/// The opaque page tokens of the embedded services: the last row's sequence number, base64url-wrapped so
/// clients treat it as opaque (as Kratos v25+, Hydra v25+ and Keto require anyway).
enum KeysetPageToken {
    private static let prefix = "moltnet-keyset-v1:"

    /// The token of the page after the row with sequence number `seq`.
    static func encode(after seq: Int64) -> String {
        Base64.encodeURL(Array((prefix + String(seq)).utf8))
    }

    /// The sequence number a token continues after; 0 for no token.
    /// - Throws: `.invalid` when the token was not made by `encode`.
    static func decode(_ token: String?) throws(IdentityError) -> Int64 {
        guard let token, !token.isEmpty else { return 0 }
        guard let bytes = Base64.decodeURL(token) else { throw IdentityError(.invalid, "malformed page_token") }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(prefix), let seq = Int64(text.dropFirst(prefix.count)), seq >= 0 else {
            throw IdentityError(.invalid, "malformed page_token")
        }
        return seq
    }

    /// Clamps a requested page size to `1...maximum`, using `defaultSize` when none was given.
    static func pageSize(_ requested: Int?, default defaultSize: Int, maximum: Int) -> Int {
        guard let requested else { return defaultSize }
        return min(max(requested, 1), maximum)
    }
}
