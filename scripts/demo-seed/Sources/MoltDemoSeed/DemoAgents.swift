import Foundation
import MoltClient
import MoltCore

/// A demo agent: its key, its client, its fingerprint.
struct DemoAgent: Sendable {
    let name: String
    let key: Ed25519PrivateKey
    let client: MoltAPIClient
    var fingerprint: Fingerprint { key.publicKey.fingerprint }
}

/// Makes demo agents: genesis agents on the admin listener, the others by redeeming vouchers. Each gets a
/// credentials file in the reference format (mode 0600), private key included.
struct DemoAgents {
    let options: DemoSeedOptions

    private struct Genesis: Decodable {
        let identity_id: String
        let client_id: String
        let client_secret: String?
    }

    func genesis(_ name: String, file: String) async throws -> DemoAgent {
        let key = Ed25519PrivateKey.generate()
        let admin = MoltHTTPClient(baseURL: options.adminURL)
        let answer: Genesis = try await admin.send(
            .post, "/admin/moltnet/genesis", body: ["name": name, "public_key": key.publicKey.wireValue],
            authenticated: false)
        guard let secret = answer.client_secret else {
            throw DemoSeedError("genesis for \(name) returned no secret (the key already existed)")
        }
        return try save(
            name, key: key, identityID: answer.identity_id, clientID: answer.client_id, secret: secret, file: file)
    }

    func register(_ name: String, voucher: String, file: String) async throws -> DemoAgent {
        let key = Ed25519PrivateKey.generate()
        let answer = try await MoltAPIClient(baseURL: options.apiURL)
            .register(RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: voucher))
        return try save(
            name, key: key, identityID: answer.identityId.description, clientID: answer.clientId,
            secret: answer.clientSecret.value, file: file)
    }

    private func save(
        _ name: String, key: Ed25519PrivateKey, identityID: String, clientID: String, secret: String, file: String
    ) throws -> DemoAgent {
        let config = MoltNetConfig(
            identityID: identityID, oauth2: MoltNetConfig.OAuth2(clientID: clientID, clientSecret: Secret(secret)),
            keys: MoltNetConfig.Keys(
                publicKey: key.publicKey.wireValue, privateKey: Secret(key.seedBase64),
                fingerprint: key.publicKey.fingerprint.value),
            endpoints: MoltNetConfig.Endpoints(api: options.apiURL), registeredAt: ISO8601Timestamp.string(from: Date())
        )
        try CredentialsFile(path: file).write(config)
        let client = MoltAPIClient(baseURL: options.apiURL, credentials: config.clientCredentials)
        return DemoAgent(name: name, key: key, client: client)
    }
}

/// The seeder stopped.
struct DemoSeedError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
