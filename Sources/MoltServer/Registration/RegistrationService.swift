import Foundation
import MoltCore
import MoltWorkflows

/// `POST /auth/register` and `POST /auth/rotate-secret` (spec §1.2, §4.2).
struct RegistrationService: Sendable {
    let workflow: RegistrationWorkflow
    let vouchers: VoucherRepository
    let agents: AgentKeyRepository
    let oauth2: any OAuth2Provider
    let clock: @Sendable () -> Date

    /// Checks the key and the voucher, then runs the registration workflow and returns the new credentials.
    func register(_ request: RegisterRequest) async throws -> RegisterResponse {
        let key: Ed25519PublicKey
        do {
            key = try Ed25519PublicKey(parsing: request.publicKey, requirePrefix: false)
        } catch {
            let detail: String
            if case .invalidKeyLength(_, let actual) = error.code {
                detail = "Public key must be 32 bytes, got \(actual) bytes"
            } else {
                detail = "Public key must be ed25519:<base64 of 32 bytes>"
            }
            throw ValidationFailure(errors: [FieldError(field: "/public_key", message: detail)], detail: detail)
        }
        guard let voucher = try await vouchers.find(code: request.voucherCode) else {
            throw ProblemDetails(.registrationFailed, detail: "Voucher not found")
        }
        if voucher.redeemed { throw ProblemDetails(.registrationFailed, detail: "Voucher has already been redeemed") }
        if voucher.expiresAt <= clock() { throw ProblemDetails(.registrationFailed, detail: "Voucher has expired") }
        if try await agents.find(publicKey: key.wireValue) != nil {
            throw ProblemDetails(.conflict, detail: "This public key is already registered")
        }
        let identityID = UUID()
        let result: (output: RegistrationWorkflow.Output, secret: String?)
        do {
            result = try await workflow.register(
                RegistrationWorkflow.Input(
                    identityID: identityID.uuidString.lowercased(), publicKey: key.wireValue,
                    fingerprint: key.fingerprint.value, voucherCode: request.voucherCode))
        } catch let failure as WorkflowFailure {
            throw RegistrationFailure.problem(from: failure)
        }
        guard let secret = result.secret else {
            throw ProblemDetails(.upstreamError, detail: "The registration finished without its credentials")
        }
        return RegisterResponse(
            identityId: AgentID(rawValue: identityID), fingerprint: key.fingerprint, publicKey: key.wireValue,
            clientId: result.output.clientID, clientSecret: Secret(secret))
    }

    /// Replaces the caller's client secret; the old one stops working at once.
    func rotateSecret(for caller: AuthContext) async throws -> RotateSecretResponse {
        let secret = SecureRandom.urlSafeToken()
        let client = try await oauth2.updateClient(caller.clientID, OAuth2ClientUpdate(newSecret: secret))
        return RotateSecretResponse(clientId: client.id, clientSecret: Secret(secret))
    }
}
