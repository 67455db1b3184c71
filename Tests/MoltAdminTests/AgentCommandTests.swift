import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `agents list|show|disable|enable` against a real server's admin listener.
@Suite("molt-admin agents", .timeLimit(.minutes(3)))
struct AgentCommandTests {
    @Test("list and show agents; disable stops an agent's tokens and enable restores them")
    func agents() async throws {
        try await AdminHarness.with { admin in
            let server = try #require(admin.server)
            try await admin.bootstrap(1)
            let genesis = try #require(try CredentialsFile(path: admin.credentialsPath).read()?.config)
            let voucher = try await MoltAPIClient(baseURL: server.baseURL, credentials: genesis.clientCredentials)
                .issueVoucher()
            let key = Ed25519PrivateKey.generate()
            let registered = try await MoltAPIClient(baseURL: server.baseURL).register(
                RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: voucher.code))
            let fingerprint = key.publicKey.fingerprint.value

            let list = try #require(try await admin.json(["agents", "list"]).arrayValue)
            #expect(list.map { $0["kind"]?.stringValue } == ["genesis", "voucher"])
            #expect(list[1]["fingerprint"]?.stringValue == fingerprint && list[1]["state"]?.stringValue == "active")
            let table = try await admin.run(["agents", "list"])
            #expect(
                table.stdout.hasPrefix(
                    "FINGERPRINT          IDENTITY                              STATE   KIND     CREATED\n"))
            #expect(table.stdout.contains("\(fingerprint)  \(registered.identityId)  active  voucher  20"), "\(table)")

            let shown = try await admin.json(["agents", "show", fingerprint.lowercased()])
            #expect(shown["agent"]?["identityId"]?.stringValue == registered.identityId.description)
            #expect(shown["vouchedBy"]?.stringValue == genesis.keys.fingerprint)
            #expect(shown["clients"]?.arrayValue?.first?["clientId"]?.stringValue == registered.clientId)
            let relations = try #require(shown["relations"]?.arrayValue).compactMap(\.stringValue)
            let id = registered.identityId.description
            #expect(relations.contains("Agent:\(id)#self@\(id)"))
            #expect(relations.contains { $0.hasPrefix("Diary:") && $0.hasSuffix("#owner@\(id)") }, "the private diary")
            let text = try await admin.run(["agents", "show", genesis.keys.fingerprint])
            #expect(text.stdout.contains("Vouched by:  (genesis)\nVouched for: \(fingerprint)\n"), "\(text)")

            let client = MoltAPIClient(baseURL: server.baseURL, credentials: registered.credentials)
            _ = try await client.whoami()
            let disabled = try await admin.run(["agents", "disable", fingerprint])
            #expect(disabled.stdout == "Agent \(fingerprint) (\(id)) is inactive.\n", "\(disabled)")
            await #expect(throws: (any Error).self) { _ = try await client.whoami() }
            let inactive = try #require(try await admin.json(["agents", "list", "--state", "inactive"]).arrayValue)
            #expect(inactive.map { $0["fingerprint"]?.stringValue } == [fingerprint])
            let enabled = try await admin.json(["agents", "enable", id])
            #expect(enabled["state"]?.stringValue == "active")
            #expect(try await client.whoami().fingerprint.value == fingerprint)

            let unknown = try await admin.run(["agents", "show", "0000-0000-0000-0000"])
            #expect(unknown.status == 1 && unknown.stderr == "error: no agent with fingerprint 0000-0000-0000-0000\n")
        }
    }
}

extension RegisterResponse {
    /// The new agent's client credentials.
    var credentials: ClientCredentials { ClientCredentials(clientID: clientId, clientSecret: clientSecret) }
}
