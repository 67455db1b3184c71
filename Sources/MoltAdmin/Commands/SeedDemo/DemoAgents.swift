import Foundation
import MoltClient
import MoltCore

/// A demo agent: its credentials file, key and a signed-in client.
struct DemoAgent: Sendable {
    let name: String
    let path: String
    let config: MoltNetConfig
    let key: Ed25519PrivateKey
    let client: MoltAPIClient
    /// Whether this run made it.
    let created: Bool

    var fingerprint: String { config.keys.fingerprint }
    var identityID: String { config.identityID }
}

/// Makes the demo network's agents, reusing those whose credentials files the server still accepts: genesis
/// agents (admin listener) and agents registered with another agent's voucher (`POST /auth/register`). Each
/// agent's credentials file is `<directory>/<Name>/moltnet.json` (mode 0600), private key included: the agents
/// directory layout `--as` reads.
struct DemoAgents: Sendable {
    let context: AdminContext
    /// `<--dir>/agents`.
    let directory: String

    /// The credentials file of the demo agent `name`.
    func path(of name: String) -> String { "\(directory)/\(name)/\(CredentialsFile.fileName)" }

    func genesis(_ name: String) async throws -> DemoAgent {
        let path = self.path(of: name)
        var outcome: GenesisProvisioner.Outcome
        do {
            outcome = try await GenesisProvisioner(context: context, scopes: nil, force: false).provision(
                name: name, path: path)
        } catch is AdminFailure {
            // A file from an earlier demo database: register the same key again with a fresh secret.
            outcome = try await GenesisProvisioner(context: context, scopes: nil, force: true).provision(
                name: name, path: path)
        }
        guard let config = outcome.config else { throw AdminFailure("bootstrap of \(name) returned no credentials") }
        return try agent(name, path: path, config: config, created: outcome.status != .exists)
    }

    /// An agent registered with a voucher of `issuer`.
    func registered(_ name: String, vouchedBy issuer: DemoAgent) async throws -> DemoAgent {
        let path = self.path(of: name)
        let file = CredentialsFile(path: path)
        var key: Ed25519PrivateKey?
        if let config = try? file.read()?.config,
            let existing = try? Ed25519PrivateKey(seedBase64: config.keys.privateKey.value)
        {
            let candidate = try agent(name, path: path, config: config, created: false)
            if (try? await candidate.client.whoami())?.fingerprint.value == config.keys.fingerprint { return candidate }
            key = existing
        }
        var response: RegisterResponse
        var signingKey = key ?? .generate()
        do {
            response = try await register(signingKey, issuer: issuer)
        } catch let error as MoltAPIError where error.status == 409 {
            signingKey = .generate()
            response = try await register(signingKey, issuer: issuer)
        }
        let config = MoltNetConfig(
            identityID: response.identityId.description,
            oauth2: .init(clientID: response.clientId, clientSecret: response.clientSecret),
            keys: .init(
                publicKey: signingKey.publicKey.wireValue, privateKey: Secret(signingKey.seedBase64),
                fingerprint: signingKey.publicKey.fingerprint.value),
            endpoints: .init(api: context.configuration.apiURL), registeredAt: ISO8601Timestamp.string(from: Date()))
        try file.write(config)
        return try agent(name, path: path, config: config, created: true)
    }

    private func register(_ key: Ed25519PrivateKey, issuer: DemoAgent) async throws -> RegisterResponse {
        let voucher = try await issuer.client.issueVoucher()
        return try await context.api.register(
            RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: voucher.code))
    }

    private func agent(_ name: String, path: String, config: MoltNetConfig, created: Bool) throws -> DemoAgent {
        guard let key = try? Ed25519PrivateKey(seedBase64: config.keys.privateKey.value) else {
            throw AdminFailure("\(path) holds no valid private key")
        }
        return DemoAgent(
            name: name, path: path, config: config, key: key,
            client: context.api(credentials: config.clientCredentials),
            created: created)
    }
}
