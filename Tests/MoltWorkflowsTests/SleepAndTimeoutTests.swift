import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("Durable sleep and timeouts")
struct SleepAndTimeoutTests {
    @Test("sleep records its wake-up time first, and after a restart sleeps only for what remains")
    func durableSleep() async throws {
        try await TestDatabase.with { database in
            let configuration = EngineHarness.configuration()
            let setUp = { (engine: WorkflowEngine) -> Void in
                engine.register("nap") { (context, seconds: Int) -> String in
                    try await context.sleep(for: .seconds(seconds))
                    return "rested"
                }
            }
            let clock = ContinuousClock()
            try await EngineHarness.withEngine(database, configuration: configuration, setUp: setUp) {
                (engine: WorkflowEngine) async throws in
                _ = try await engine.startWorkflow(Workflow<Int, String>(name: "nap"), input: 6, id: "nap-1")
                #expect(try await EngineHarness.eventually { try await engine.steps(workflowID: "nap-1").count == 1 })
            }
            let step = try await dbosRow(
                database.pool,
                "SELECT output, started_at_epoch_ms, completed_at_epoch_ms, serialization FROM dbos.operation_outputs WHERE workflow_uuid = 'nap-1'"
            )
            let wakeSeconds = try #require((step["output"] ?? nil).flatMap { Double($0) })
            let started = try #require((step["started_at_epoch_ms"] ?? nil).flatMap { Double($0) })
            let completed = try #require((step["completed_at_epoch_ms"] ?? nil).flatMap { Double($0) })
            #expect(abs(wakeSeconds * 1000 - completed) < 1)
            #expect(abs(completed - started - 6000) < 2)
            #expect(step["serialization"] == "portable_json")
            try await Task.sleep(for: .seconds(3))
            try await EngineHarness.withEngine(database, configuration: configuration, setUp: setUp) {
                (engine: WorkflowEngine) async throws in
                let restarted = clock.now
                #expect(try await engine.retrieveWorkflow("nap-1", as: String.self).getResult() == "rested")
                // About 3 s remained; sleeping the whole 6 s again would mean the wake-up time was not replayed, and
                // that would take at least 6 s, however fast or slow the machine.
                #expect(clock.now - restarted < .seconds(6))
                #expect(Date().timeIntervalSince1970 >= wakeSeconds)
            }
        }
    }

    @Test("a workflow past its timeout is cancelled, even while it waits")
    func timeout() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let slow = engine.register("slow") { (context, _: Int) -> String in
                    _ = try await context.recv(String.self, timeout: .seconds(30))
                    try await context.step("after") { effects.record("after") }
                    return "finished"
                }
                let clock = ContinuousClock()
                let started = clock.now
                let handle = try await engine.startWorkflow(slow, input: 0, id: "slow-1", timeout: .milliseconds(300))
                let error = await #expect(throws: WorkflowError.self) { try await handle.getResult() }
                #expect(error?.code == .cancelled)
                // The recv alone would wait 30 s: ending far sooner shows the 300 ms timeout cancelled it.
                #expect(clock.now - started < .seconds(20))
                let status = try await handle.getStatus()
                #expect(status.state == .cancelled)
                #expect(status.timeoutMilliseconds == 300)
                #expect(status.deadline != nil)
            }
            #expect(effects.count("after") == 0)
        }
    }
}
