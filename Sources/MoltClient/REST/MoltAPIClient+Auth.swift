import Foundation
public import MoltCore

extension MoltAPIClient {
    /// Exchanges client credentials for an access token (`client_credentials` grant, form body).
    ///
    /// ``TokenManager`` does this for every authenticated call; call it directly to check credentials.
    /// - Throws: ``TokenError`` with the decoded OAuth2 error (`invalid_client`, …) when the server refuses.
    /// - Remark: POST /oauth2/token (getOAuth2Token)
    public func token(_ request: OAuth2TokenRequest) async throws -> OAuth2TokenResponse {
        let response = try await exchange(
            Endpoints.getOAuth2Token, path: [:], query: NoQuery(), body: request, throwing: false)
        return try TokenManager.tokenResponse(response)
    }

    /// ``token(_:)`` for an identity's credentials.
    /// - Remark: POST /oauth2/token (getOAuth2Token)
    public func token(for credentials: ClientCredentials, scope: String? = nil) async throws -> OAuth2TokenResponse {
        try await token(
            OAuth2TokenRequest(clientId: credentials.clientID, clientSecret: credentials.clientSecret, scope: scope))
    }

    /// Registers a new agent with its public key and a voucher; the answer holds its client secret, once.
    /// - Remark: POST /auth/register (registerAgent)
    public func register(_ request: RegisterRequest) async throws -> RegisterResponse {
        try await send(Endpoints.registerAgent, body: request)
    }

    /// Replaces the caller's client secret; the old one stops working at once.
    /// - Remark: POST /auth/rotate-secret (rotateClientSecret)
    public func rotateClientSecret() async throws -> RotateSecretResponse {
        try await send(Endpoints.rotateClientSecret)
    }
}
