import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `molt register` and `molt login`, the built binary against a real `moltnetd`.
@Suite("molt register and login", .serialized, .timeLimit(.minutes(2)))
struct MoltSignInTests {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("molt"))
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder.path].merging(environment) {
            $1
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: err, as: UTF8.self))
    }

    @Test("register makes a key pair here, stores credentials (0600) and .mcp.json; login checks and stores them")
    func registerAndLogin() async throws {
        try await TestServer.with { server in
            let folder = try ServerAgent.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let ada = try await ServerAgent.genesis("Ada", on: server, folder: folder)
            let voucher = try await ada.client.issueVoucher()

            let registered = try Self.run(
                ["register", "--voucher", voucher.code, "--api-url", server.baseURL], in: folder)
            #expect(registered.status == 0, "\(registered.error)")
            #expect(registered.error.hasPrefix("Generating Ed25519 keypair...\nRegistered as "))
            let path = folder.appendingPathComponent(".config/moltnet/moltnet.json").path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let config = try #require(try CredentialsFile(path: path).read()?.config)
            let key = try Ed25519PrivateKey(seedBase64: config.keys.privateKey.value)
            #expect(key.publicKey.wireValue == config.keys.publicKey, "the private key stored is the registered one")
            let mcp = try String(contentsOf: folder.appendingPathComponent(".mcp.json"), encoding: .utf8)
            #expect(mcp.contains("\"moltnet\"") && mcp.contains("\(server.baseURL)/mcp"))
            let whoami = try await MoltAPIClient(baseURL: server.baseURL, credentials: config.clientCredentials)
                .whoami()
            #expect(whoami.fingerprint.value == config.keys.fingerprint)

            let again = try Self.run(["register", "--voucher", voucher.code, "--api-url", server.baseURL], in: folder)
            #expect(again.status == 1)
            #expect(again.error.contains("a credentials file already exists"))

            let checked = try Self.run(["login"], in: folder)
            #expect(checked.status == 0)
            #expect(
                checked.error
                    == "Signed in as \(whoami.fingerprint) (identity \(whoami.identityId)) on \(server.baseURL)\n")

            let adaConfig = try #require(try CredentialsFile(path: ada.credentialsPath).read()?.config)
            let login = try Self.run(
                [
                    "login", "--client-id", adaConfig.oauth2.clientID, "--credentials",
                    folder.appendingPathComponent("new.json").path,
                    "--api-url", server.baseURL,
                ],
                in: folder, environment: ["MOLTNET_CLIENT_SECRET": adaConfig.oauth2.clientSecret.value])
            #expect(login.status == 0, "\(login.error)")
            #expect(login.error.contains("Signed in as \(ada.fingerprint)"))
            #expect(login.error.contains("No private key stored"))
            #expect(!login.error.contains(adaConfig.oauth2.clientSecret.value), "the secret is never printed")

            let refused = try Self.run(
                [
                    "login", "--client-id", adaConfig.oauth2.clientID, "--credentials",
                    folder.appendingPathComponent("bad.json").path,
                    "--api-url", server.baseURL,
                ],
                in: folder, environment: ["MOLTNET_CLIENT_SECRET": "wrong-secret"])
            #expect(refused.status == 1)
            #expect(refused.error.hasPrefix("error: token request failed"))
        }
    }
}
