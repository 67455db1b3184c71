import MoltClient
import MoltCore

/// `POST /admin/moltnet/genesis` on the admin listener (docs/identity.md): creates a genesis agent for a
/// public key, or returns the existing one for a key already registered (then without its secret).
struct GenesisClient: Sendable {
    let admin: MoltHTTPClient

    /// The agent the admin listener made or found.
    struct Agent: Sendable {
        let identityID: String
        let fingerprint: String
        let publicKey: String
        let clientID: String
        /// Present only when the client was created by this call.
        let clientSecret: Secret<String>?
        let created: Bool
    }

    private struct Request: Encodable {
        let name: String
        let public_key: String
        let scopes: [String]?
    }

    private struct Response: Decodable {
        let identity_id: String
        let fingerprint: String
        let public_key: String
        let client_id: String
        let client_secret: String?
        let created: Bool
    }

    func bootstrap(name: String, publicKey: String, scopes: [String]?) async throws -> Agent {
        let response = try await admin.send(
            .post, "/admin/moltnet/genesis", body: Request(name: name, public_key: publicKey, scopes: scopes),
            authenticated: false, operation: "moltnetGenesis", as: Response.self)
        return Agent(
            identityID: response.identity_id, fingerprint: response.fingerprint, publicKey: response.public_key,
            clientID: response.client_id, clientSecret: response.client_secret.map { Secret($0) },
            created: response.created)
    }
}
