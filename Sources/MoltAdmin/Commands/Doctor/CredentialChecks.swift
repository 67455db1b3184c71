import Foundation
import Glibc
import MoltClient
import MoltCore

/// The credentials files: the default one and those in the agents directory, each readable by its owner only,
/// holding a key that matches its fingerprint; the default one's secret is tried against the server.
struct CredentialChecks {
    let context: AdminContext

    func run() async -> [DoctorCheck] {
        let configuration = context.configuration
        var checks = [await check(configuration.credentialsPath, label: "credentials", signIn: true)]
        let directory = configuration.agentsDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
        for name in names {
            let path = "\(directory)/\(name)/\(CredentialsFile.fileName)"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            checks.append(await check(path, label: "agent \(name)", signIn: false))
        }
        return checks
    }

    private func check(_ path: String, label: String, signIn: Bool) async -> DoctorCheck {
        guard FileManager.default.fileExists(atPath: path) else {
            return .warn(
                label, "no file at \(path)",
                fix: "molt-admin bootstrap --agents 1 --install writes one (or pass --credentials)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var info = stat()
        if stat(directory, &info) == 0, info.st_mode & 0o077 != 0 {
            return .fail(
                label, "\(directory) is open to other users (mode \(String(info.st_mode & 0o777, radix: 8)))",
                fix: "chmod 700 \(directory)")
        }
        let config: MoltNetConfig
        do {
            guard let loaded = try CredentialsFile(path: path).read() else {
                return .fail(label, "vanished", fix: "rerun")
            }
            config = loaded.config
        } catch {
            if case .insecurePermissions = error.code {
                return .fail(label, "\(path) is readable by other users", fix: "chmod 600 \(path)")
            }
            return .fail(label, error.description, fix: "rewrite it: molt-admin bootstrap --force")
        }
        guard let key = try? Ed25519PrivateKey(seedBase64: config.keys.privateKey.value) else {
            return .fail(label, "\(path) holds no valid private key", fix: "restore the file from a backup")
        }
        guard key.publicKey.wireValue == config.keys.publicKey,
            key.publicKey.fingerprint.value == config.keys.fingerprint
        else {
            return .fail(
                label, "the private key does not match public_key/fingerprint in \(path)",
                fix: "restore the file from a backup")
        }
        guard signIn else { return .ok(label, "\(config.keys.fingerprint), mode 0600 (\(path))") }
        do {
            let client = context.api(credentials: config.clientCredentials)
            let whoami = try await client.whoami()
            guard whoami.fingerprint.value == config.keys.fingerprint else {
                return .fail(
                    label, "the server signs \(path) in as \(whoami.fingerprint), not \(config.keys.fingerprint)",
                    fix: "the file mixes two agents' credentials; restore it")
            }
            return .ok(label, "\(config.keys.fingerprint) signs in, mode 0600 (\(path))")
        } catch let error as TokenError {
            return .fail(
                label, "the server refuses the secret in \(path) (\(error.description))",
                fix: "rotate it: molt-admin bootstrap --force (genesis agents) or POST /auth/rotate-secret")
        } catch {
            return .warn(
                label,
                "\(config.keys.fingerprint), mode 0600; sign-in not tried (\(ErrorMessage.describe(error, configuration: context.configuration)))",
                fix: "start the server to check the secret")
        }
    }
}
