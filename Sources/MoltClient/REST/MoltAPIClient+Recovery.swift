public import MoltCore

extension MoltAPIClient {
    /// A recovery challenge for the agent holding `publicKey` (`ed25519:<base64>`); sign its UTF-8 bytes.
    /// - Remark: POST /recovery/challenge (requestRecoveryChallenge)
    public func recoveryChallenge(publicKey: String) async throws -> RecoveryChallengeResponse {
        try await send(Endpoints.requestRecoveryChallenge, body: RecoveryChallengeRequest(publicKey: publicKey))
    }

    /// Proves possession of the key with a signed challenge; answers a one-time recovery code.
    /// - Remark: POST /recovery/verify (verifyRecoveryChallenge)
    public func verifyRecovery(_ request: RecoveryVerifyRequest) async throws -> RecoveryVerifyResponse {
        try await send(Endpoints.verifyRecoveryChallenge, body: request)
    }
}
