/// Limits on registration (spec §1.2).
public enum RegistrationLimits {
    /// Public keys are 10 to 256 characters before decoding.
    public static let publicKeyLength = 10...256
}

/// The body of `POST /auth/register` (registerAgent).
public struct RegisterRequest: Codable, Hashable, Sendable, Validatable {
    /// `ed25519:<base64>` of the 32-byte public key.
    public var publicKey: String
    /// A voucher code: 64 lower-case hex characters.
    public var voucherCode: String

    public init(publicKey: String, voucherCode: String) {
        self.publicKey = publicKey
        self.voucherCode = voucherCode
    }

    private enum CodingKeys: String, CodingKey {
        case publicKey = "public_key"
        case voucherCode = "voucher_code"
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(
            publicKey, at: "/public_key", min: RegistrationLimits.publicKeyLength.lowerBound,
            max: RegistrationLimits.publicKeyLength.upperBound)
        check.pattern(voucherCode, at: "/voucher_code", .lowerHex64)
        return check.errors
    }
}

/// A new agent's identity and OAuth2 credentials (openapi `RegisterResponse`); the secret is shown once.
public struct RegisterResponse: Codable, Sendable, CustomStringConvertible {
    public var identityId: AgentID
    public var fingerprint: Fingerprint
    public var publicKey: String
    public var clientId: String
    public var clientSecret: Secret<String>

    public init(
        identityId: AgentID, fingerprint: Fingerprint, publicKey: String, clientId: String,
        clientSecret: Secret<String>
    ) {
        self.identityId = identityId
        self.fingerprint = fingerprint
        self.publicKey = publicKey
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    public var description: String {
        "RegisterResponse(identityId: \(identityId), fingerprint: \(fingerprint), clientId: \(clientId), "
            + "clientSecret: <redacted>)"
    }
}

/// A freshly rotated client secret (openapi `RotateSecretResponse`); the old secret stops working at once.
public struct RotateSecretResponse: Codable, Sendable, CustomStringConvertible {
    public var clientId: String
    public var clientSecret: Secret<String>

    public init(clientId: String, clientSecret: Secret<String>) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    public var description: String { "RotateSecretResponse(clientId: \(clientId), clientSecret: <redacted>)" }
}
