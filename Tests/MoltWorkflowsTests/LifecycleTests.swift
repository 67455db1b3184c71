import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("Engine lifecycle")
struct LifecycleTests {
    @Test("cancelling the task running the engine stops it, leaving unfinished workflows PENDING")
    func cancellationStops() async throws {
        try await TestDatabase.with { database in
            let gate = Gate()
            let engine = WorkflowEngine(
                databaseURL: database.url, configuration: EngineHarness.configuration(), logger: .disabled)
            let blocked = engine.register("blocked") { (context, _: Int) -> Int in
                try await context.step("wait") { try await gate.wait() }
                return 1
            }
            let service = Task { try await engine.run() }
            let handle = try await engine.startWorkflow(blocked, input: 0, id: "blocked-1")
            #expect(try await EngineHarness.eventually { gate.waiting == 1 })
            service.cancel()
            try await service.value
            #expect(engine.runningWorkflowIDs.isEmpty)
            let row = try await dbosRow(
                database.pool, "SELECT status FROM dbos.workflow_status WHERE workflow_uuid = 'blocked-1'")
            #expect(row["status"] == "PENDING")
            let error = await #expect(throws: WorkflowError.self) { try await handle.getResult() }
            #expect(error?.code == .notRunning)
            await #expect(throws: WorkflowError.self) { try await engine.startWorkflow(blocked, input: 0) }
            await #expect(throws: WorkflowError.self) { try await engine.run() }
        }
    }

    @Test("shutdown with a grace period lets running workflows finish first")
    func gracefulShutdown() async throws {
        try await TestDatabase.with { database in
            let engine = WorkflowEngine(
                databaseURL: database.url, configuration: EngineHarness.configuration(), logger: .disabled)
            let slow = engine.register("slow") { (context, _: Int) -> String in
                try await context.step("work") { try await Task.sleep(for: .milliseconds(300)) }
                return "done"
            }
            let service = Task { try await engine.run() }
            let handle = try await engine.startWorkflow(slow, input: 0, id: "slow-1")
            try await Task.sleep(for: .milliseconds(50))
            await engine.shutdown(gracePeriod: .seconds(5))
            try await service.value
            let row = try await dbosRow(
                database.pool, "SELECT status FROM dbos.workflow_status WHERE workflow_uuid = 'slow-1'")
            #expect(row["status"] == "SUCCESS")
            #expect(handle.workflowID == "slow-1")
        }
    }
}
