import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `bootstrap` against a real server: files, idempotence, --install, --force, and stale files.
@Suite("molt-admin bootstrap", .timeLimit(.minutes(3)))
struct BootstrapTests {
    @Test("creates genesis agents with 0600 credentials files that sign in, and a second run changes nothing")
    func bootstrap() async throws {
        try await AdminHarness.with { admin in
            let first = try await admin.run(["bootstrap", "--agents", "2", "--install"])
            #expect(first.status == 0, "\(first)")
            #expect(first.stderr == "")
            let lines = first.stdout.split(separator: "\n")
            #expect(
                lines.first
                    == "NAME       FINGERPRINT          IDENTITY                              STATUS   CREDENTIALS")
            #expect(lines.count == 4 && lines[1].hasPrefix("Genesis-1  ") && lines[2].hasPrefix("Genesis-2  "))
            #expect(lines[1].contains("  created  \(admin.agentsDirectory)/Genesis-1/moltnet.json"))
            #expect(lines[3] == "Installed Genesis-1 as \(admin.credentialsPath).")
            for name in ["Genesis-1", "Genesis-2"] {
                let path = "\(admin.agentsDirectory)/\(name)/moltnet.json"
                let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
                #expect(mode == 0o600)
                let config = try #require(try CredentialsFile(path: path).read()?.config)
                let key = try Ed25519PrivateKey(seedBase64: config.keys.privateKey.value)
                #expect(key.publicKey.fingerprint.value == config.keys.fingerprint)
                let client = MoltAPIClient(
                    baseURL: try #require(admin.server).baseURL, credentials: config.clientCredentials)
                #expect(try await client.whoami().fingerprint.value == config.keys.fingerprint)
            }
            let installed = try #require(try CredentialsFile(path: admin.credentialsPath).read()?.config)
            let genesis1 = try #require(
                try CredentialsFile(path: "\(admin.agentsDirectory)/Genesis-1/moltnet.json").read()?.config)
            #expect(installed.identityID == genesis1.identityID)
            // Nothing secret reaches stdout.
            #expect(!first.stdout.contains(genesis1.oauth2.clientSecret.value))
            #expect(!first.stdout.contains(genesis1.keys.privateKey.value))

            let again = try await admin.json(["bootstrap", "--agents", "2", "--install"])
            let agents = try #require(again["agents"]?.arrayValue)
            #expect(agents.map { $0["status"]?.stringValue } == ["exists", "exists"])
            #expect(agents[0]["identityId"]?.stringValue == genesis1.identityID)
            #expect(again["installed"]?.stringValue == admin.credentialsPath)
            let reread = try #require(
                try CredentialsFile(path: "\(admin.agentsDirectory)/Genesis-1/moltnet.json").read()?.config)
            #expect(reread.oauth2.clientSecret.value == genesis1.oauth2.clientSecret.value)
            let listed = try await admin.json(["agents", "list"])
            #expect(listed.arrayValue?.count == 2)
        }
    }

    @Test("--force keeps the key, rotates the secret (the old one stops working) and replaces the file")
    func force() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let path = "\(admin.agentsDirectory)/Genesis-1/moltnet.json"
            let before = try #require(try CredentialsFile(path: path).read()?.config)
            let report = try await admin.json(["bootstrap", "--agents", "1", "--force"])
            #expect(report["agents"]?.arrayValue?.first?["status"]?.stringValue == "replaced")
            let after = try #require(try CredentialsFile(path: path).read()?.config)
            #expect(after.identityID == before.identityID && after.keys.publicKey == before.keys.publicKey)
            #expect(after.oauth2.clientSecret.value != before.oauth2.clientSecret.value)
            let baseURL = try #require(admin.server).baseURL
            await #expect(throws: TokenError.self) {
                _ = try await MoltAPIClient(baseURL: baseURL).token(for: before.clientCredentials)
            }
            #expect(
                try await MoltAPIClient(baseURL: baseURL, credentials: after.clientCredentials).whoami().identityId
                    .description == after.identityID)

            // --install refuses to replace another agent's credentials without --force.
            let other = try await admin.run(["bootstrap", "--names", "Other", "--install"])
            #expect(other.status == 1, "\(other)")
            #expect(
                other.stderr.contains("already holds the credentials of agent \(before.keys.fingerprint); pass --force")
            )
        }
    }

    @Test("a credentials file whose agent the server does not know is refused unless --force")
    func staleFile() async throws {
        try await AdminHarness.with { admin in
            let path = "\(admin.agentsDirectory)/Old/moltnet.json"
            let key = Ed25519PrivateKey.generate()
            try CredentialsFile(path: path).write(
                MoltNetConfig(
                    identityID: UUID().uuidString.lowercased(),
                    oauth2: .init(clientID: "gone", clientSecret: Secret("x")),
                    keys: .init(
                        publicKey: key.publicKey.wireValue, privateKey: Secret(key.seedBase64),
                        fingerprint: key.publicKey.fingerprint.value),
                    endpoints: .init(api: "http://127.0.0.1:1"), registeredAt: "2026-01-01T00:00:00Z"))
            let refused = try await admin.run(["bootstrap", "--names", "Old"])
            #expect(refused.status == 1)
            #expect(
                refused.stderr.contains(
                    "\(path) exists but its agent \(key.publicKey.fingerprint.value) is not on this server; rerun with --force"
                ),
                "\(refused)")
            let forced = try await admin.json(["bootstrap", "--names", "Old", "--force"])
            #expect(forced["agents"]?.arrayValue?.first?["status"]?.stringValue == "replaced")
            #expect(forced["agents"]?.arrayValue?.first?["fingerprint"]?.stringValue == key.publicKey.fingerprint.value)
        }
    }
}
