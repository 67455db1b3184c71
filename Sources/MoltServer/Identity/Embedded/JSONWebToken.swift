import MoltCore

/// Compact JWS tokens signed with EdDSA (Ed25519): the embedded issuer's access tokens.
///
/// Header `{"alg":"EdDSA","kid":…,"typ":"JWT"}`. Parsing is strict: three base64url segments, a JSON object
/// header whose `alg` is exactly `EdDSA` (so `none` and every other algorithm are refused before any key is
/// looked up), a 64-byte signature, and a JSON object payload.
enum JSONWebToken {
    /// The longest token accepted (agent tokens are about 1.1 kB).
    static let maximumLength = 8192

    /// A token split into its parts, signature not yet checked.
    struct Parsed: Sendable {
        let kid: String
        let signingInput: [UInt8]
        let signature: [UInt8]
        let payload: [UInt8]
    }

    /// Signs `claims` with `key`, naming it `kid` in the header.
    static func sign(claims: JSONValue, kid: String, key: Ed25519PrivateKey) -> String {
        let header: JSONValue = .object(["alg": .string("EdDSA"), "kid": .string(kid), "typ": .string("JWT")])
        let signingInput = Base64.encodeURL(header.encoded) + "." + Base64.encodeURL(claims.encoded)
        return signingInput + "." + Base64.encodeURL(key.signature(for: Array(signingInput.utf8)))
    }

    /// Splits and decodes a token; nil when it is malformed or not an EdDSA JWS.
    static func parse(_ token: String) -> Parsed? {
        guard token.utf8.count <= maximumLength else { return nil }
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, segments.allSatisfy({ !$0.isEmpty }),
            let headerBytes = Base64.decodeURL(String(segments[0])),
            let payload = Base64.decodeURL(String(segments[1])),
            let signature = Base64.decodeURL(String(segments[2])), signature.count == 64,
            let header = JSONValue.parse(headerBytes), header.objectValue != nil,
            header["alg"]?.stringValue == "EdDSA", let kid = header["kid"]?.stringValue
        else { return nil }
        if let type = header["typ"], type.stringValue?.uppercased() != "JWT" { return nil }
        let signingInput = Array(segments[0].utf8) + [UInt8(ascii: ".")] + Array(segments[1].utf8)
        return Parsed(kid: kid, signingInput: signingInput, signature: signature, payload: payload)
    }

    /// The claims of a parsed token when `key` verifies its signature and the payload is a JSON object.
    static func verifiedClaims(_ parsed: Parsed, key: Ed25519PublicKey) -> JSONValue? {
        guard key.isValidSignature(parsed.signature, for: parsed.signingInput),
            let claims = JSONValue.parse(parsed.payload), claims.objectValue != nil
        else { return nil }
        return claims
    }

    /// The RFC 7638 thumbprint of an Ed25519 public key: the key id the issuer publishes.
    static func thumbprint(_ key: Ed25519PublicKey) -> String {
        let canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"\(Base64.encodeURL(key.bytes))\"}"
        return Base64.encodeURL(Digest.sha256(canonical))
    }
}
