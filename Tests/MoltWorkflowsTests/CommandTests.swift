import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("Cancel, resume and fork")
struct CommandTests {
    private static func registerPipeline(_ engine: WorkflowEngine, _ effects: SideEffects, _ gate: Gate) {
        engine.register("pipeline") { (context, input: String) -> String in
            try await context.step("fetch") {
                effects.record("fetch")
                try await gate.wait()
            }
            try await context.step("transform") { effects.record("transform") }
            try await context.step("store") { effects.record("store") }
            return "stored \(input)"
        }
    }

    @Test("a cancelled workflow stops before its next step, and resume finishes it without repeating steps")
    func cancelThenResume() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            try await EngineHarness.withEngine(database, setUp: { Self.registerPipeline($0, effects, gate) }) {
                (engine: WorkflowEngine) async throws in
                let handle = try await engine.startWorkflow(
                    Workflow<String, String>(name: "pipeline"), input: "batch", id: "pipe-1")
                #expect(try await EngineHarness.eventually { gate.waiting == 1 })
                try await engine.cancel(workflowID: "pipe-1")
                gate.open()
                let error = await #expect(throws: WorkflowError.self) { try await handle.getResult() }
                #expect(error?.code == .cancelled)
                #expect(try await handle.getStatus().state == .cancelled)
                #expect(effects.count("transform") == 0)
                #expect(try await engine.steps(workflowID: "pipe-1").map(\.functionName) == ["fetch"])

                #expect(try await engine.resume(workflowID: "pipe-1"))
                #expect(try await handle.getResult() == "stored batch")
                let status = try await handle.getStatus()
                #expect(status.state == .success)
                #expect(status.queueName == WorkflowQueue.internalQueueName)
                #expect(status.recoveryAttempts == 1)
            }
            #expect(effects.count("fetch") == 1)
            #expect(effects.count("transform") == 1)
            #expect(effects.count("store") == 1)
        }
    }

    @Test("a cancel written to the table by another process (the DBOS CLI) is honoured before the next step")
    func cancelFromTable() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            try await EngineHarness.withEngine(database, setUp: { Self.registerPipeline($0, effects, gate) }) {
                (engine: WorkflowEngine) async throws in
                let handle = try await engine.startWorkflow(
                    Workflow<String, String>(name: "pipeline"), input: "x", id: "pipe-2")
                #expect(try await EngineHarness.eventually { gate.waiting == 1 })
                try await database.pool.query(
                    "UPDATE dbos.workflow_status SET status = 'CANCELLED' WHERE workflow_uuid = 'pipe-2'")
                gate.open()
                await #expect(throws: WorkflowError.self) { try await handle.getResult() }
            }
            #expect(effects.count("transform") == 0)
        }
    }

    @Test("fork replays the steps before its start step and runs the rest again")
    func fork() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            gate.open()
            try await EngineHarness.withEngine(database, setUp: { Self.registerPipeline($0, effects, gate) }) {
                (engine: WorkflowEngine) async throws in
                let original = try await engine.startWorkflow(
                    Workflow<String, String>(name: "pipeline"), input: "orig", id: "pipe-3")
                #expect(try await original.getResult() == "stored orig")
                let copy = try await engine.fork(workflowID: "pipe-3", startStep: 2, newWorkflowID: "pipe-3-fork")
                #expect(copy == "pipe-3-fork")
                let handle = engine.retrieveWorkflow(copy, as: String.self)
                #expect(try await handle.getResult() == "stored orig")
                let status = try await handle.getStatus()
                #expect(status.forkedFrom == "pipe-3")
                #expect(
                    try await engine.steps(workflowID: copy).map(\.functionName) == ["fetch", "transform", "store"])
                await #expect(throws: WorkflowError.self) { try await engine.fork(workflowID: "missing") }
            }
            #expect(effects.count("fetch") == 1)
            #expect(effects.count("transform") == 2)
            #expect(effects.count("store") == 2)
            let original = try await dbosRow(
                database.pool, "SELECT was_forked_from FROM dbos.workflow_status WHERE workflow_uuid = 'pipe-3'")
            #expect(original["was_forked_from"] == "t")
        }
    }
}
