/// Limits on the recovery routes (spec §1.2, §3.5).
public enum RecoveryLimits {
    /// Public keys are at most 60 characters.
    public static let publicKeyMaxLength = 60
    /// Challenges are 1 to 500 characters.
    public static let challengeLength = 1...500
    /// A challenge is valid for five minutes after it is issued.
    public static let challengeLifetimeMilliseconds = 300_000
}

/// The body of `POST /recovery/challenge` (requestRecoveryChallenge).
public struct RecoveryChallengeRequest: Codable, Hashable, Sendable, Validatable {
    /// `ed25519:<base64>`.
    public var publicKey: String

    public init(publicKey: String) {
        self.publicKey = publicKey
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(publicKey, at: "/publicKey", max: RecoveryLimits.publicKeyMaxLength)
        check.pattern(publicKey, at: "/publicKey", .ed25519PublicKey)
        return check.errors
    }
}

/// A recovery challenge and its HMAC (openapi `RecoveryChallengeResponse`); sign `challenge` as UTF-8.
public struct RecoveryChallengeResponse: Codable, Hashable, Sendable {
    /// `moltnet:recovery:<publicKey>:<nonce>:<unixMillis>`.
    public var challenge: String
    /// Lower-case hex HMAC-SHA256 of the challenge.
    public var hmac: String

    public init(challenge: String, hmac: String) {
        self.challenge = challenge
        self.hmac = hmac
    }
}

/// The body of `POST /recovery/verify` (verifyRecoveryChallenge).
public struct RecoveryVerifyRequest: Codable, Hashable, Sendable, Validatable {
    public var challenge: String
    public var hmac: String
    /// Base64 Ed25519 signature of the challenge's UTF-8 bytes.
    public var signature: String
    public var publicKey: String

    public init(challenge: String, hmac: String, signature: String, publicKey: String) {
        self.challenge = challenge
        self.hmac = hmac
        self.signature = signature
        self.publicKey = publicKey
    }

    public func validate() -> [FieldError] {
        var check = FieldValidator()
        check.length(
            challenge, at: "/challenge", min: RecoveryLimits.challengeLength.lowerBound,
            max: RecoveryLimits.challengeLength.upperBound)
        check.pattern(hmac, at: "/hmac", .lowerHex64)
        check.length(
            signature, at: "/signature", min: SigningLimits.signatureLength.lowerBound,
            max: SigningLimits.signatureLength.upperBound)
        check.length(publicKey, at: "/publicKey", max: RecoveryLimits.publicKeyMaxLength)
        check.pattern(publicKey, at: "/publicKey", .ed25519PublicKey)
        return check.errors
    }
}

/// The one-time recovery credential (openapi `RecoveryVerifyResponse`). The description redacts the code.
public struct RecoveryVerifyResponse: Codable, Sendable, CustomStringConvertible {
    /// A one-time code; what it unlocks is the server's choice (spec §9 #11).
    public var recoveryCode: Secret<String>
    /// Where to use the code.
    public var recoveryFlowUrl: String

    public init(recoveryCode: Secret<String>, recoveryFlowUrl: String) {
        self.recoveryCode = recoveryCode
        self.recoveryFlowUrl = recoveryFlowUrl
    }

    public var description: String {
        "RecoveryVerifyResponse(recoveryCode: <redacted>, recoveryFlowUrl: \(recoveryFlowUrl))"
    }
}
