import Foundation
import MoltClient
import MoltCore

/// An agent's credentials file, found from what `--as` names: a path to a `moltnet.json`, the name of a
/// folder in the agents directory (`Genesis-1`), or a fingerprint of an agent there; nil means the
/// default credentials file (`--credentials`).
struct AgentCredentials: Sendable {
    /// How the agent was named (the folder name, or the file's path).
    let name: String
    /// The file read.
    let path: String
    let config: MoltNetConfig

    var fingerprint: String { config.keys.fingerprint }

    /// The agent's private key, from the file's seed.
    func privateKey() throws -> Ed25519PrivateKey {
        do {
            return try Ed25519PrivateKey(seedBase64: config.keys.privateKey.value)
        } catch {
            throw AdminFailure("\(path) holds no valid private key (keys.private_key): \(error)")
        }
    }

    /// Finds and reads the credentials `reference` names.
    static func load(_ reference: String?, configuration: AdminConfiguration) throws -> AgentCredentials {
        guard let reference, !reference.isEmpty else {
            return try read(path: configuration.credentialsPath, name: "default")
        }
        if reference.contains("/") || reference.hasSuffix(".json") {
            return try read(path: reference, name: reference)
        }
        let directory = configuration.agentsDirectory
        if Fingerprint.isWellFormed(reference) {
            let wanted = reference.uppercased()
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? [] {
                let path = "\(directory)/\(name)/\(CredentialsFile.fileName)"
                guard let loaded = try? CredentialsFile(path: path).read() else { continue }
                if loaded.config.keys.fingerprint.uppercased() == wanted {
                    return AgentCredentials(name: name, path: path, config: loaded.config)
                }
            }
            throw AdminFailure(
                "no agent with fingerprint \(wanted) in \(directory); pass --as a credentials file path instead")
        }
        return try read(path: "\(directory)/\(reference)/\(CredentialsFile.fileName)", name: reference)
    }

    private static func read(path: String, name: String) throws -> AgentCredentials {
        guard let loaded = try CredentialsFile(path: path).read() else {
            throw AdminFailure(
                "no credentials at \(path): run `molt-admin bootstrap`, or pass --as (a name in the agents "
                    + "directory, a fingerprint, or a file) or --credentials")
        }
        guard !loaded.config.oauth2.clientID.isEmpty else {
            throw AdminFailure("\(path) has no oauth2.client_id")
        }
        return AgentCredentials(name: name, path: path, config: loaded.config)
    }
}
