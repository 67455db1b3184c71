import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

@testable import MoltServer

/// The official MCP Python SDK (mcp==2.3.0, `scripts/python-tools.sh`) against a real server: discovery and
/// fallback to the handshake, listing, a whole agent session (diary, entries, search, voucher, signing with
/// the agent's key), and refusals (`Python/mcp_session.py` holds the client side and its assertions).
@Suite("MCP with the official Python SDK", .serialized, .timeLimit(.minutes(3)))
struct MCPPythonSDKTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Python/mcp_session.py").path
    static let python = Fixtures.repositoryRoot.appendingPathComponent(".moltnet/python/bin/python").path

    @Test("an agent's whole MCP session through the Python SDK works, and bad credentials are MCP errors")
    func pythonSession() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "\(Self.python) is missing: run scripts/python-tools.sh (installs mcp==2.3.0 and pynacl==1.6.2)")
        try await TestServer.with { server in
            let agent = try await MCPTestAgent.bootstrap(on: server)
            let config: JSONValue = [
                "base_url": .string(server.baseURL), "client_id": .string(agent.clientID),
                "client_secret": .string(agent.clientSecret), "token": .string(agent.token),
                "seed_b64": .string(Base64.encode(agent.seed)), "fingerprint": .string(agent.fingerprint),
                "public_key": .string(agent.publicKey),
            ]
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mcp-\(UUID().uuidString).json")
            try Data(config.encoded).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }

            let run = try await ChildProcess.run(Self.python, [Self.script, file.path], timeout: .seconds(150))
            try #require(run.status == 0, "the Python MCP session failed:\n\(run.output.suffix(6000))")
            let line = try #require(
                run.output.split(separator: "\n").last { $0.hasPrefix("SUMMARY ") }, "no summary: \(run.output)")
            let summary = try #require(JSONValue.parse(Array(line.dropFirst("SUMMARY ".count).utf8)))
            #expect(summary["anonymous"] == "ok")
            #expect(summary["agent-legacy"] == "ok")
            #expect(summary["agent-auto"] == "ok")
            #expect(summary["refused"] == "ok")

            // The session really changed the database, through the REST services.
            let diary = try #require(summary["diary"]?.stringValue)
            let entries = try await server.database.pool.query(
                "SELECT count(*) AS n FROM diary_entries WHERE diary_id = \(try #require(UUID(uuidString: diary)))")
            #expect(try entries.first?.decode("n", as: Int.self) == 2)
            let request = try #require(summary["signing_request"]?.stringValue.flatMap(UUID.init(uuidString:)))
            let signed = try await server.database.pool.query(
                "SELECT status::text AS status, valid FROM signing_requests WHERE id = \(request)")
            #expect(try signed.first?.decode("status", as: String.self) == "completed")
            #expect(try signed.first?.decode("valid", as: Bool.self) == true)
        }
    }
}
