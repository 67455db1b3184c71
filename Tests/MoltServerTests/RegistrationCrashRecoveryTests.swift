import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Registration crash recovery of the real moltnetd (issue 6)", .serialized, .timeLimit(.minutes(3)))
struct RegistrationCrashRecoveryTests {
    static let forwardSteps = [
        "redeemVoucher", "createIdentity", "storeAgentKey", "grantAgentSelf", "createClient", "createPrivateDiary",
    ]

    @Test("a registration SIGKILLed between two steps completes exactly once after restart")
    func registrationSurvivesCrash() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let executor = ["--workflow-executor-id", "crash-reg-\(UUID().uuidString.prefix(8))"]
            // Each registration step is followed by an 8 s pause (MOLTNET_WORKFLOW_STEP_DELAY_MS as a flag), so
            // the kill lands between two steps.
            var first: DaemonProcess? = try await DaemonProcess(
                databaseURL: database.url, arguments: executor + ["--workflow-step-delay-ms", "8000"])
            defer { first?.kill() }
            let genesis = try await APIAgent.create(publicPort: first!.port, adminPort: first!.adminPort)
            let code = try await genesis.post("/vouch").decode(Voucher.self, status: 201).code
            let key = Ed25519PrivateKey.generate()
            let register = RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: code)
            let port = first!.port
            let pending = Task {
                try? await RawHTTPClient(port: port).request(
                    "POST", "/auth/register", headers: ["Content-Type": "application/json"],
                    body: Array(try JSONCoding.encode(register)))
            }
            defer { pending.cancel() }

            let workflowID = try await Self.waitForSteps(2, in: database.pool)
            first?.kill()
            first = nil
            let recorded = try await Self.steps(of: workflowID, in: database.pool)
            #expect(recorded.keys.sorted() == ["createIdentity", "redeemVoucher"])
            #expect(try await Self.status(workflowID, in: database.pool) == "PENDING")

            let second = try await DaemonProcess(databaseURL: database.url, arguments: executor)
            defer { second.kill() }
            let deadline = ContinuousClock.now + .seconds(30)
            while try await Self.status(workflowID, in: database.pool) != "SUCCESS", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            let row = try #require(
                try await database.pool.query(
                    "SELECT status, recovery_attempts FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)"
                ).first)
            #expect(try row.decode("status", as: String.self) == "SUCCESS")
            #expect(try row.decode("recovery_attempts", as: Int.self) == 2)
            let steps = try await Self.steps(of: workflowID, in: database.pool)
            #expect(steps == Dictionary(uniqueKeysWithValues: Self.forwardSteps.map { ($0, 1) }))

            let identity = try #require(UUID(uuidString: String(workflowID.dropFirst("register-".count))))
            let counts = try #require(
                try await database.pool.query(
                    """
                    SELECT (SELECT count(*) FROM identities WHERE public_key = \(key.publicKey.wireValue)) AS identities,
                           (SELECT count(*) FROM agent_keys WHERE public_key = \(key.publicKey.wireValue)) AS keys,
                           (SELECT count(*) FROM oauth2_clients WHERE identity_id = \(identity)) AS clients,
                           (SELECT count(*) FROM diaries WHERE owner_id = \(identity)) AS diaries,
                           (SELECT count(*) FROM agent_vouchers WHERE redeemed_by = \(identity)) AS redeemed,
                           (SELECT redeemed_by FROM agent_vouchers WHERE code = \(code)) AS redeemer
                    """
                ).first)
            for column in ["identities", "keys", "clients", "diaries", "redeemed"] {
                #expect(try counts.decode(column, as: Int.self) == 1, "\(column)")
            }
            #expect(try counts.decode("redeemer", as: UUID.self) == identity)
            // The identity is real: the server knows the agent by its fingerprint.
            let restarted = APIAgent.reconnected(genesis, to: second.port)
            #expect(try await restarted.get("/agents/\(key.publicKey.fingerprint)").status == 200)
            #expect(try second.terminate() == 0)
        }
    }

    /// Waits until the registration workflow has recorded `count` steps; returns its id.
    static func waitForSteps(_ count: Int, in pool: PostgresPool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let row = try await pool.query(
                """
                SELECT s.workflow_uuid, count(o.function_name) AS n FROM dbos.workflow_status s
                LEFT JOIN dbos.operation_outputs o ON o.workflow_uuid = s.workflow_uuid
                WHERE s.name = 'registerAgent' GROUP BY s.workflow_uuid
                """
            ).first, try row.decode("n", as: Int.self) >= count {
                return try row.decode("workflow_uuid")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw APIAgentError("the registration workflow did not reach \(count) steps")
    }

    static func steps(of workflowID: String, in pool: PostgresPool) async throws -> [String: Int] {
        try await pool.query(
            """
            SELECT function_name, count(*) AS n FROM dbos.operation_outputs
            WHERE workflow_uuid = \(workflowID) GROUP BY function_name
            """
        ).rows.reduce(into: [String: Int]()) { counts, row in
            counts[try row.decode("function_name", as: String.self)] = try row.decode("n", as: Int.self)
        }
    }

    static func status(_ workflowID: String, in pool: PostgresPool) async throws -> String? {
        try await pool.query("SELECT status FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)").first?
            .decode("status", as: String.self)
    }
}
