import Foundation
import MoltClient
import MoltCore

/// Makes a genesis agent and its credentials file, idempotently: an existing file is checked against the
/// server and kept; it is replaced only with `force` (same key when the file still holds one, and a new
/// client secret, created or rotated through Hydra's admin API).
struct GenesisProvisioner: Sendable {
    let context: AdminContext
    let scopes: [String]?
    let force: Bool

    /// What happened to one agent.
    enum Status: String, Encodable, Sendable {
        /// A new agent and file.
        case created
        /// The file existed and matches an agent the server knows; nothing changed.
        case exists
        /// The file was rewritten with fresh credentials (`--force`).
        case replaced
    }

    /// One agent's outcome (never its secret or private key).
    struct Outcome: Encodable, Sendable {
        let name: String
        let fingerprint: String
        let identityId: String
        let publicKey: String
        let clientId: String
        let credentialsPath: String
        let status: Status
        /// The file's contents, for installing it elsewhere.
        var config: MoltNetConfig? = nil

        enum CodingKeys: String, CodingKey {
            case name, fingerprint, identityId, publicKey, clientId, credentialsPath, status
        }
    }

    func provision(name: String, path: String) async throws -> Outcome {
        let file = CredentialsFile(path: path)
        var existing: MoltNetConfig?
        do {
            existing = try file.read()?.config
        } catch {
            guard force else { throw AdminFailure("\(error); or pass --force to replace the file") }
        }
        if let existing, !force {
            try await check(existing, path: path)
            return outcome(name, path, existing, .exists)
        }
        let key = existing.flatMap { try? Ed25519PrivateKey(seedBase64: $0.keys.privateKey.value) } ?? .generate()
        let agent = try await GenesisClient(admin: context.admin).bootstrap(
            name: name, publicKey: key.publicKey.wireValue, scopes: scopes)
        let secret: Secret<String>
        if let created = agent.clientSecret {
            secret = created
        } else {
            secret = try await rotatedSecret(of: agent.clientID)
        }
        let config = MoltNetConfig(
            identityID: agent.identityID,
            oauth2: .init(clientID: agent.clientID, clientSecret: secret),
            keys: .init(
                publicKey: key.publicKey.wireValue, privateKey: Secret(key.seedBase64),
                fingerprint: key.publicKey.fingerprint.value),
            endpoints: .init(api: context.configuration.apiURL),
            registeredAt: ISO8601Timestamp.string(from: Date()))
        try file.write(config)
        return outcome(name, path, config, existing == nil ? .created : .replaced)
    }

    /// Fails unless the server knows the file's agent and accepts its secret.
    private func check(_ config: MoltNetConfig, path: String) async throws {
        let identities = try await context.ory.kratos.identities(credentialsIdentifier: config.keys.publicKey).items
        guard identities.contains(where: { $0.trait("public_key") == config.keys.publicKey }) else {
            throw AdminFailure(
                "\(path) exists but its agent \(config.keys.fingerprint) is not on this server; "
                    + "rerun with --force to register it again with the same key")
        }
        do {
            _ = try await context.api.token(for: config.clientCredentials)
        } catch let error as TokenError {
            throw AdminFailure(
                "the server refuses the secret in \(path) (\(error.description)); rerun with --force to rotate it")
        }
    }

    /// Gives an existing client a new random secret (Hydra `PUT /admin/clients/{id}`).
    private func rotatedSecret(of clientID: String) async throws -> Secret<String> {
        var client = try await context.ory.hydra.client(clientID)
        let secret = Secret(SecureRandom.urlSafeToken())
        client.clientSecret = secret
        _ = try await context.ory.hydra.updateClient(client)
        return secret
    }

    private func outcome(_ name: String, _ path: String, _ config: MoltNetConfig, _ status: Status) -> Outcome {
        Outcome(
            name: name, fingerprint: config.keys.fingerprint, identityId: config.identityID,
            publicKey: config.keys.publicKey, clientId: config.oauth2.clientID, credentialsPath: path, status: status,
            config: config)
    }
}
