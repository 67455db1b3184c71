import Foundation
import MoltClient
import MoltCore
import MoltTestSupport

/// Agents made on a real `moltnetd` for end-to-end tests: genesis on the admin listener, then a
/// credentials file (the reference format, mode 0600) that `molt --credentials` signs in with.
struct ServerAgent: Sendable {
    let key: Ed25519PrivateKey
    let client: MoltAPIClient
    let identityID: String
    let credentialsPath: String

    var fingerprint: Fingerprint { key.publicKey.fingerprint }

    private struct Genesis: Decodable {
        let identity_id: String
        let client_id: String
        let client_secret: String
    }

    /// A genesis agent on `server`, its credentials written under `folder`.
    static func genesis(_ name: String, on server: TestServer, folder: URL) async throws -> ServerAgent {
        let key = Ed25519PrivateKey.generate()
        let admin = MoltHTTPClient(baseURL: server.adminBaseURL)
        let answer: Genesis = try await admin.send(
            .post, "/admin/moltnet/genesis", body: ["name": name, "public_key": key.publicKey.wireValue],
            authenticated: false)
        let config = MoltNetConfig(
            identityID: answer.identity_id,
            oauth2: MoltNetConfig.OAuth2(clientID: answer.client_id, clientSecret: Secret(answer.client_secret)),
            keys: MoltNetConfig.Keys(
                publicKey: key.publicKey.wireValue, privateKey: Secret(key.seedBase64),
                fingerprint: key.publicKey.fingerprint.value),
            endpoints: MoltNetConfig.Endpoints(api: server.baseURL), registeredAt: ISO8601Timestamp.string(from: Date())
        )
        let path = folder.appendingPathComponent("\(name.lowercased()).json").path
        try CredentialsFile(path: path).write(config)
        return ServerAgent(
            key: key, client: MoltAPIClient(baseURL: server.baseURL, credentials: config.clientCredentials),
            identityID: answer.identity_id, credentialsPath: path)
    }

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("molt-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
