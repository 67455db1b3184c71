import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("Recovery")
struct RecoveryTests {
    private static func registerTransfer(_ engine: WorkflowEngine, _ effects: SideEffects, _ gate: Gate) {
        engine.register("transfer") { (context, account: String) -> String in
            try await context.step("debit") { effects.record("debit") }
            try await context.step("approve") { try await gate.wait() }
            try await context.step("credit") { effects.record("credit") }
            return "moved for \(account)"
        }
    }

    @Test("a workflow stopped mid-way finishes on the next engine, each step's side effect applied once")
    func recoversWithReplay() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            let configuration = EngineHarness.configuration()
            try await EngineHarness.withEngine(
                database, configuration: configuration, setUp: { Self.registerTransfer($0, effects, gate) }
            ) { (engine: WorkflowEngine) async throws in
                _ = try await engine.startWorkflow(
                    Workflow<String, String>(name: "transfer"), input: "acct-7", id: "transfer-1")
                #expect(try await EngineHarness.eventually { gate.waiting == 1 })
            }
            let pending = try await dbosRow(
                database.pool,
                "SELECT status, recovery_attempts FROM dbos.workflow_status WHERE workflow_uuid = 'transfer-1'")
            #expect(pending["status"] == "PENDING")
            #expect(effects.count("debit") == 1)
            #expect(effects.count("credit") == 0)
            gate.open()
            try await EngineHarness.withEngine(
                database, configuration: configuration, setUp: { Self.registerTransfer($0, effects, gate) }
            ) { (engine: WorkflowEngine) async throws in
                let handle = engine.retrieveWorkflow("transfer-1", as: String.self)
                #expect(try await handle.getResult() == "moved for acct-7")
                #expect(try await handle.getStatus().recoveryAttempts == 2)
            }
            #expect(effects.count("debit") == 1)
            #expect(effects.count("credit") == 1)
            let steps = try await database.pool.query(
                "SELECT function_name FROM dbos.operation_outputs WHERE workflow_uuid = 'transfer-1' ORDER BY function_id"
            )
            #expect(
                try steps.rows.map { try $0.decode("function_name", as: String.self) } == [
                    "debit", "approve", "credit",
                ])
        }
    }

    @Test("a workflow recovered more than maxRecoveryAttempts times is dead-lettered")
    func deadLetters() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            let configuration = EngineHarness.configuration(maxRecoveryAttempts: 1)
            for round in 1...2 {
                try await EngineHarness.withEngine(
                    database, configuration: configuration, setUp: { Self.registerTransfer($0, effects, gate) }
                ) { (engine: WorkflowEngine) async throws in
                    if round == 1 {
                        _ = try await engine.startWorkflow(
                            Workflow<String, String>(name: "transfer"), input: "acct", id: "stuck")
                    }
                    #expect(try await EngineHarness.eventually { gate.waiting == 1 })
                }
            }
            try await EngineHarness.withEngine(
                database, configuration: configuration, setUp: { Self.registerTransfer($0, effects, gate) }
            ) { (engine: WorkflowEngine) async throws in
                let handle = engine.retrieveWorkflow("stuck", as: String.self)
                let error = await #expect(throws: WorkflowError.self) { try await handle.getResult() }
                #expect(error?.code == .maxRecoveryAttemptsExceeded)
                let status = try await handle.getStatus()
                #expect(status.state == .maxRecoveryAttemptsExceeded)
                #expect(status.recoveryAttempts == 3)
            }
            #expect(effects.count("debit") == 1)
        }
    }

    @Test("only the executor that owns a pending workflow recovers it, unless asked to take over a dead one")
    func recoversOnlyOwnWorkflows() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            let dead = EngineHarness.configuration(executorID: "dead-executor")
            try await EngineHarness.withEngine(
                database, configuration: dead, setUp: { Self.registerTransfer($0, effects, gate) }
            ) { (engine: WorkflowEngine) async throws in
                _ = try await engine.startWorkflow(Workflow<String, String>(name: "transfer"), input: "a", id: "orphan")
                #expect(try await EngineHarness.eventually { gate.waiting == 1 })
            }
            gate.open()
            try await EngineHarness.withEngine(
                database, configuration: EngineHarness.configuration(executorID: "survivor"),
                setUp: { Self.registerTransfer($0, effects, gate) }
            ) { (engine: WorkflowEngine) async throws in
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await engine.status(workflowID: "orphan")?.state == .pending)
                #expect(try await engine.recoverPendingWorkflows(executorIDs: ["dead-executor"]) == ["orphan"])
                #expect(try await engine.retrieveWorkflow("orphan", as: String.self).getResult() == "moved for a")
                #expect(try await engine.status(workflowID: "orphan")?.executorID == "survivor")
            }
            #expect(effects.count("debit") == 1)
        }
    }

    @Test("the default executor id and application version are ones no DBOS application uses")
    func identity() {
        let configuration = WorkflowConfiguration()
        #expect(configuration.executorID.hasPrefix("moltnet-swift@"))
        #expect(configuration.executorID != "local")
        #expect(configuration.applicationVersion == "moltnet-swift-workflows-1")
        #expect(configuration.applicationVersion.range(of: "^[0-9a-f]{32}$", options: .regularExpression) == nil)
    }
}
