/// A failure in MoltCore's cryptography: a malformed key or signature, or a libsodium call that refused.
///
/// `description` names what was wrong, never the key material itself.
public struct CryptoError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Code: Equatable, Sendable {
        case invalidBase64
        case invalidKeyLength(expected: Int, actual: Int)
        case invalidSignatureLength(actual: Int)
        case invalidPrefix
        case invalidFingerprint
        case operationFailed(String)
    }

    public let code: Code

    public init(_ code: Code) {
        self.code = code
    }

    public var description: String {
        switch code {
        case .invalidBase64: "value is not valid base64"
        case .invalidKeyLength(let expected, let actual): "key must be \(expected) bytes, got \(actual)"
        case .invalidSignatureLength(let actual): "signature must be 64 bytes, got \(actual)"
        case .invalidPrefix: "public key must start with \"ed25519:\""
        case .invalidFingerprint: "fingerprint must look like XXXX-XXXX-XXXX-XXXX (hex)"
        case .operationFailed(let operation): "\(operation) failed"
        }
    }
}
