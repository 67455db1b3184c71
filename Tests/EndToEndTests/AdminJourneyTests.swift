import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// The operator's journey across the built binaries, on loopback: `moltnetd` as a child process on a fresh
/// database (it migrates it), `molt-admin` for bootstrap, vouchers, export, doctor and workflows, and a new
/// agent registered through `MoltAPIClient` with the voucher the operator issued.
@Suite("End to end: moltnetd, molt-admin and MoltClient", .timeLimit(.minutes(5)))
struct AdminJourneyTests {
    @Test("bootstrap, voucher, registration, diary, export, doctor, and the registration workflow succeeded")
    func operatorJourney() async throws {
        try await TestDatabase.with { database in
            let daemon = try await DaemonProcess(databaseURL: database.url, timeout: .seconds(120))
            defer { daemon.kill() }
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: home) }
            let apiURL = "http://127.0.0.1:\(daemon.port)"
            let admin = AdminTool(
                environment: [
                    "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home, "XDG_CONFIG_HOME": home + "/config",
                    "MOLTNET_API_URL": apiURL, "MOLTNET_ADMIN_URL": "http://127.0.0.1:\(daemon.adminPort)",
                    "DATABASE_URL": database.url, "MOLTNET_EMBEDDING_MODEL_DIR": home + "/no-model",
                ])

            let bootstrap = try await admin.json(["bootstrap", "--agents", "1", "--install"])
            let genesis = try #require(bootstrap["agents"]?.arrayValue?.first)
            #expect(genesis["name"]?.stringValue == "Genesis-1" && genesis["status"]?.stringValue == "created")

            let voucherFile = home + "/vouchers.json"
            let issued = try await admin.json([
                "vouchers", "issue", "--as", "Genesis-1", "--count", "1", "--out", voucherFile,
            ])
            #expect(issued["issued"]?.intValue == 1)
            let vouchers = try JSONCoding.decode(
                [Voucher].self, from: Data(contentsOf: URL(fileURLWithPath: voucherFile)))
            let code = try #require(vouchers.first?.code)

            let key = Ed25519PrivateKey.generate()
            let registered = try await MoltAPIClient(baseURL: apiURL)
                .register(RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: code))
            let newcomer = MoltNetConfig(
                identityID: registered.identityId.description,
                oauth2: .init(clientID: registered.clientId, clientSecret: registered.clientSecret),
                keys: .init(
                    publicKey: key.publicKey.wireValue, privateKey: Secret(key.seedBase64),
                    fingerprint: key.publicKey.fingerprint.value),
                endpoints: .init(api: apiURL), registeredAt: ISO8601Timestamp.string(from: Date()))
            let credentials = home + "/newcomer.json"
            try CredentialsFile(path: credentials).write(newcomer)
            let client = MoltAPIClient(baseURL: apiURL, credentials: newcomer.clientCredentials)
            #expect(try await client.whoami().fingerprint == key.publicKey.fingerprint)
            let diary = try await client.createDiary(CreateDiaryRequest(name: "First steps", visibility: .private))
            let entry = try await client.createEntry(
                in: diary.id,
                CreateEntryRequest(
                    content: "Registered with a voucher from Genesis-1.", title: "Hello", tags: ["e2e"], importance: 7,
                    entryType: .episodic))

            let export = home + "/first-steps.jsonl"
            let exported = try await admin.run([
                "diaries", "export", "--diary", diary.id.description, "--out", export, "--credentials", credentials,
            ])
            #expect(exported.status == 0, "\(exported)")
            #expect(exported.stdout == "Exported 1 entries of \"First steps\" to \(export).\n", "\(exported)")
            let lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2)
            let copy = try JSONCoding.decode(DiaryEntry.self, from: Data(try #require(lines.last).utf8))
            #expect(copy.id == entry.id && copy.content == entry.content)
            #expect(copy.tags == ["e2e"] && copy.importance == 7 && copy.entryType == .episodic)

            let doctor = try await admin.run(["doctor", "--json"])
            #expect(doctor.status == 0, "\(doctor)")
            let checks = try #require(JSONValue.parse(Array(doctor.stdout.utf8))?.arrayValue, "\(doctor)")
            let failed = checks.filter { $0["status"]?.stringValue == "fail" }
            #expect(failed.isEmpty, "\(failed)")
            for name in ["api", "admin", "database"] {
                #expect(
                    checks.contains { $0["check"]?.stringValue == name && $0["status"]?.stringValue == "ok" },
                    "\(name): \(checks)")
            }

            var registration: JSONValue?
            for _ in 0..<600 {
                let listed = try await admin.json(["workflows", "list", "--name", "registerAgent"]).arrayValue ?? []
                registration = listed.first
                if registration?["status"]?.stringValue == "SUCCESS" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(registration?["status"]?.stringValue == "SUCCESS", "\(String(describing: registration))")
        }
    }
}

/// Runs the built `molt-admin` with exactly `environment`.
struct AdminTool: Sendable {
    let environment: [String: String]

    func run(_ arguments: [String]) async throws -> CommandOutcome {
        try await RunningCommand.run(
            try BuiltProducts.executable("molt-admin"), arguments, environment: environment, timeout: .seconds(120))
    }

    /// Runs with `--json`, expects exit 0 and a quiet stderr, and parses stdout.
    func json(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let outcome = try await run(arguments + ["--json"])
        #expect(outcome.status == 0 && outcome.stderr == "", "\(outcome)", sourceLocation: sourceLocation)
        return try #require(JSONValue.parse(Array(outcome.stdout.utf8)), "\(outcome)", sourceLocation: sourceLocation)
    }
}
