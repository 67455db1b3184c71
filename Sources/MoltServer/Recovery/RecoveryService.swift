import Foundation
import MoltCore
import MoltPostgres

/// Account recovery for an agent that lost its client secret but holds its private key (spec §1.2, §3.5).
///
/// 1. `POST /recovery/challenge` returns a signed challenge for any well-formed key (no enumeration).
/// 2. `POST /recovery/verify` checks it, burns its nonce (before the signature check, as the reference does),
///    verifies the Ed25519 signature and answers a one-time recovery code and link (identity service).
/// 3. With the embedded identity service, `POST <link>` with `{"code":…}` redeems the code and answers new
///    client credentials (the old secret stops working). Against real Kratos the link is Kratos's own flow.
struct RecoveryService: Sendable {
    let database: PostgresPool
    let agents: AgentKeyRepository
    let identities: any IdentityProvider
    let embeddedIdentities: EmbeddedIdentityProvider?
    let oauth2: any OAuth2Provider
    let secret: @Sendable () async throws -> Secret<String>
    let clock: @Sendable () -> Date

    func challenge(for request: RecoveryChallengeRequest) async throws -> RecoveryChallengeResponse {
        let challenge = RecoveryChallenge.issue(for: request.publicKey, at: clock())
        return RecoveryChallengeResponse(
            challenge: challenge.text, hmac: RecoveryChallenge.mac(challenge.text, secret: try await secret()))
    }

    func verify(_ request: RecoveryVerifyRequest) async throws -> RecoveryVerifyResponse {
        let now = clock()
        let challenge = try RecoveryChallenge.verify(
            request.challenge, hmac: request.hmac, publicKey: request.publicKey, secret: try await secret(), now: now)
        try await consume(challenge, now: now)
        let failure = ProblemDetails(.invalidSignature, detail: "Ed25519 signature verification failed")
        guard let agent = try await agents.find(publicKey: request.publicKey),
            let key = try? Ed25519PublicKey(parsing: agent.publicKey),
            key.isValidSignature(base64: request.signature, for: Array(request.challenge.utf8))
        else { throw failure }
        let code = try await identities.createRecoveryCode(for: agent.identityID.rawValue, expiresIn: .seconds(3600))
        return RecoveryVerifyResponse(recoveryCode: Secret(code.code), recoveryFlowUrl: code.link)
    }

    /// Redeems a recovery code of the embedded identity service for new client credentials.
    func complete(flow: UUID, code: String) async throws -> RotateSecretResponse {
        guard let embeddedIdentities else {
            throw ProblemDetails(.notFound, detail: "Recovery is completed by the configured identity service")
        }
        let identityID: UUID
        do {
            identityID = try await embeddedIdentities.redeemRecoveryCode(flowID: flow, code: code)
        } catch {
            guard error.code == .unauthorized || error.code == .notFound else { throw error }
            throw ProblemDetails(.unauthorized, detail: "The recovery code is wrong, used or expired")
        }
        guard let client = try await oauth2.clients(forIdentity: identityID).first else {
            throw ProblemDetails(.notFound, detail: "The agent has no OAuth2 client")
        }
        let newSecret = SecureRandom.urlSafeToken()
        _ = try await oauth2.updateClient(client.id, OAuth2ClientUpdate(newSecret: newSecret))
        return RotateSecretResponse(clientId: client.id, clientSecret: Secret(newSecret))
    }

    /// Records the challenge's nonce as used until its expiry; a second use is rejected. Expired nonces are
    /// swept on the way.
    private func consume(_ challenge: RecoveryChallenge, now: Date) async throws {
        let expiresAt = Date(
            timeIntervalSince1970: Double(challenge.issuedAtMilliseconds + RecoveryChallenge.lifetimeMilliseconds)
                / 1000)
        try await database.query("DELETE FROM used_recovery_nonces WHERE expires_at < \(now)")
        let inserted = try await database.query(
            """
            INSERT INTO used_recovery_nonces (nonce, expires_at) VALUES (\(challenge.nonce), \(expiresAt))
            ON CONFLICT (nonce) DO NOTHING
            """
        ).affectedRows
        guard inserted == 1 else { throw ProblemDetails(.invalidChallenge, detail: "Challenge already used") }
    }
}
