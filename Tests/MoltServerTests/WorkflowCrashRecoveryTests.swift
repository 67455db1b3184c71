import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Workflow crash recovery of the real moltnetd (issue 6)", .serialized, .timeLimit(.minutes(3)))
struct WorkflowCrashRecoveryTests {
    @Test("a signing request waiting for its signature survives SIGKILL and completes exactly once after restart")
    func signingSurvivesCrash() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let executor = ["--workflow-executor-id", "crash-test-\(UUID().uuidString.prefix(8))"]
            var first: DaemonProcess? = try await DaemonProcess(databaseURL: database.url, arguments: executor)
            defer { first?.kill() }
            let agent = try await APIAgent.create(publicPort: first!.port, adminPort: first!.adminPort)
            let request = try await agent.post("/crypto/signing-requests", NewSigningRequest(message: "survive this"))
                .decode(SigningRequest.self, status: 201)
            let workflowID = "signing-\(request.id)"
            #expect(try await workflowStatus(workflowID, in: database.pool) == "PENDING")

            first?.kill()
            first = nil
            let second = try await DaemonProcess(databaseURL: database.url, arguments: executor)
            defer { second.kill() }
            // The same token works: signing keys live in the database.
            let restarted = APIAgent.reconnected(agent, to: second.port)
            let signature = agent.key.base64Signature(for: try #require(Base64.decode(request.signingInput)))
            let signed = try await restarted.post(
                "/crypto/signing-requests/\(request.id)/sign", SignatureBody(signature: signature)
            ).decode(SigningRequest.self)
            #expect(signed.status == .completed)
            #expect(signed.valid == true)

            let steps = try await database.pool.query(
                """
                SELECT function_name, count(*) AS n FROM dbos.operation_outputs
                WHERE workflow_uuid = \(workflowID) GROUP BY function_name
                """
            ).rows.reduce(into: [String: Int]()) { counts, row in
                counts[try row.decode("function_name", as: String.self)] = try row.decode("n", as: Int.self)
            }
            #expect(steps["complete"] == 1)
            #expect(steps["verify"] == 1)
            #expect(steps["expire"] == nil)
            let deadline = ContinuousClock.now + .seconds(10)
            while try await workflowStatus(workflowID, in: database.pool) != "SUCCESS", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            let row = try await database.pool.query(
                "SELECT status, recovery_attempts, executor_id FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)"
            ).first!
            #expect(try row.decode("status", as: String.self) == "SUCCESS")
            #expect(try row.decode("recovery_attempts", as: Int.self) == 2)
            #expect(try row.decode("executor_id", as: String.self) == executor[1])
            let stored = try await database.pool.query(
                "SELECT status::text AS status, valid FROM signing_requests WHERE id = \(request.id)"
            ).first!
            #expect(try stored.decode("status", as: String.self) == "completed")
            #expect(try stored.decode("valid", as: Bool.self))
            #expect(try second.terminate() == 0)
        }
    }

    private func workflowStatus(_ id: String, in pool: PostgresPool) async throws -> String? {
        try await pool.query("SELECT status FROM dbos.workflow_status WHERE workflow_uuid = \(id)").first?
            .decode("status", as: String.self)
    }
}
