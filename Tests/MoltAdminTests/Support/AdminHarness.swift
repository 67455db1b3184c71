import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Runs the built `molt-admin` binary against a real `moltnetd` (`TestServer`) and its database, with a
/// private home folder (credentials go to `<home>/config/moltnet`), and returns what it printed.
struct AdminHarness: Sendable {
    let server: TestServer?
    let home: String
    let environment: [String: String]

    /// The agents directory bootstrap writes to by default.
    var agentsDirectory: String { home + "/config/moltnet/agents" }
    /// The default credentials file.
    var credentialsPath: String { home + "/config/moltnet/moltnet.json" }

    /// A harness on a fresh server; the home folder is removed afterwards.
    static func with<T: Sendable>(
        configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (AdminHarness) async throws -> T
    ) async throws -> T {
        try await TestServer.with(configure: configure) { server in
            try await withHome { home in
                try await body(
                    AdminHarness(
                        server: server, home: home,
                        environment: baseEnvironment(home: home).merging([
                            "MOLTNET_API_URL": server.baseURL, "MOLTNET_ADMIN_URL": server.adminBaseURL,
                            "DATABASE_URL": server.database.url,
                        ]) { $1 }))
            }
        }
    }

    /// A harness with nothing listening: the API, admin and database URLs point at closed ports.
    static func offline<T: Sendable>(_ body: (AdminHarness) async throws -> T) async throws -> T {
        try await withHome { home in
            try await body(
                AdminHarness(
                    server: nil, home: home,
                    environment: baseEnvironment(home: home).merging([
                        "MOLTNET_API_URL": "http://127.0.0.1:1", "MOLTNET_ADMIN_URL": "http://127.0.0.1:2",
                        "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/moltnet",
                    ]) { $1 }))
        }
    }

    private static func baseEnvironment(home: String) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home, "XDG_CONFIG_HOME": home + "/config"]
    }

    private static func withHome<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("molt-admin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        return try await body(home)
    }

    /// The built binary.
    static var executable: String {
        get throws { try BuiltProducts.executable("molt-admin") }
    }

    /// Runs `molt-admin arguments…`.
    func run(
        _ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> CommandOutcome {
        try await RunningCommand.run(
            try Self.executable, arguments, environment: environment.merging(extra) { $1 }, stdin: stdin,
            timeout: timeout)
    }

    /// Starts `molt-admin arguments…` without waiting.
    func start(_ arguments: [String]) throws -> RunningCommand {
        try RunningCommand(try Self.executable, arguments, environment: environment)
    }

    /// Runs a command with `--json`, expects exit 0 and nothing on stderr, and parses stdout.
    func json(
        _ arguments: [String], timeout: Duration = .seconds(120), sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let outcome = try await run(arguments + ["--json"], timeout: timeout)
        #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.stderr == "", "\(outcome)", sourceLocation: sourceLocation)
        return try #require(JSONValue.parse(Array(outcome.stdout.utf8)), "\(outcome)", sourceLocation: sourceLocation)
    }

    /// Bootstraps `count` genesis agents (Genesis-1…) into the agents directory, the first installed.
    @discardableResult
    func bootstrap(_ count: Int = 1) async throws -> [JSONValue] {
        let report = try await json(["bootstrap", "--agents", String(count), "--install"])
        return try #require(report["agents"]?.arrayValue)
    }
}
