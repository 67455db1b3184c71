import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

private struct Order: Codable, Sendable, Equatable {
    var item: String
    var quantity: Int
}

private struct Receipt: Codable, Sendable, Equatable {
    var total: Int
    var at: Date
}

private struct OutOfStock: Error, PortableErrorConvertible {
    var portableError: DBOSErrorPayload {
        DBOSErrorPayload(name: "OutOfStock", message: "no more widgets", code: .string("stock"))
    }
}

@Suite("Workflows and steps")
struct WorkflowBasicsTests {
    @Test("a workflow runs its steps and records inputs, each step's output and its output as portable_json")
    func recordsEverything() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let at = Date(timeIntervalSince1970: 1_795_000_000.123)
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let checkout = engine.register("checkout") { (context, order: Order) -> Receipt in
                    let price = try await context.step("price") { order.quantity * 3 }
                    try await context.step("charge") { effects.record("charge") }
                    return try await context.step("receipt") { Receipt(total: price, at: at) }
                }
                let handle = try await engine.startWorkflow(
                    checkout, input: Order(item: "widget", quantity: 2), id: "wf-1")
                #expect(try await handle.getResult() == Receipt(total: 6, at: at))
                let status = try await handle.getStatus()
                #expect(status.state == .success)
                #expect(status.name == "checkout")
                #expect(status.recoveryAttempts == 1)
                #expect(status.executorID == engine.configuration.executorID)
                #expect(
                    status.inputs?.json
                        == .object([
                            "positionalArgs": .array([.object(["item": .string("widget"), "quantity": .integer(2)])]),
                            "namedArgs": .object([:]),
                        ]))
                #expect(
                    status.output?.json == .object(["total": .integer(6), "at": .string("2026-11-18T11:06:40.123Z")]))
            }
            let row = try await dbosRow(
                database.pool, "SELECT * FROM dbos.workflow_status WHERE workflow_uuid = 'wf-1'")
            #expect(row["serialization"] == "portable_json")
            #expect(row["inputs"] == #"{"namedArgs":{},"positionalArgs":[{"item":"widget","quantity":2}]}"#)
            #expect(row["output"] == #"{"at":"2026-11-18T11:06:40.123Z","total":6}"#)
            #expect(row["completed_at"] != nil)
            let input = try await dbosRow(
                database.pool, "SELECT inputs FROM dbos.workflow_input WHERE workflow_uuid = 'wf-1'")
            #expect(input["inputs"] == row["inputs"])
            let output = try await dbosRow(
                database.pool, "SELECT output FROM dbos.workflow_output WHERE workflow_uuid = 'wf-1'")
            #expect(output["output"] == row["output"])
            let steps = try await database.pool.query(
                "SELECT function_id, function_name, output, serialization FROM dbos.operation_outputs WHERE workflow_uuid = 'wf-1' ORDER BY function_id"
            )
            #expect(
                try steps.rows.map { try $0.decode("function_name", as: String.self) } == [
                    "price", "charge", "receipt",
                ])
            #expect(
                try steps.rows.map { try $0.decode("output", as: String.self) } == [
                    "6", "null", #"{"at":"2026-11-18T11:06:40.123Z","total":6}"#,
                ])
            #expect(try steps.rows.allSatisfy { try $0.decode("serialization", as: String.self) == "portable_json" })
            #expect(effects.count("charge") == 1)
        }
    }

    @Test("starting twice with the same id runs the workflow once and both handles see the same result")
    func idempotentStart() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let count = engine.register("count") { (context, n: Int) -> Int in
                    try await context.step("effect") { effects.record("effect") }
                    return n + 1
                }
                let first = try await engine.startWorkflow(count, input: 1, id: "same")
                let second = try await engine.startWorkflow(count, input: 99, id: "same")
                #expect(try await first.getResult() == 2)
                #expect(try await second.getResult() == 2)
                let third = try await engine.startWorkflow(count, input: 5, id: "same")
                #expect(try await third.getResult() == 2)
                let other = engine.register("other") { (_, n: Int) -> Int in n }
                await #expect(throws: WorkflowError.self) {
                    try await engine.startWorkflow(other, input: 1, id: "same")
                }
            }
            #expect(effects.count("effect") == 1)
            let rows = try await database.pool.query("SELECT count(*) AS n FROM dbos.workflow_status")
            #expect(try rows.first?.decode("n", as: Int.self) == 1)
        }
    }

    @Test("a failing workflow ends in ERROR with a portable error carrying name and message")
    func failure() async throws {
        try await TestDatabase.with { database in
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let buy = engine.register("buy") { (context, _: String) -> Int in
                    try await context.step("reserve") { () throws -> Int in throw OutOfStock() }
                }
                let handle = try await engine.startWorkflow(buy, input: "widget", id: "wf-err")
                let error = await #expect(throws: WorkflowFailure.self) { try await handle.getResult() }
                #expect(
                    error?.payload
                        == DBOSErrorPayload(name: "OutOfStock", message: "no more widgets", code: .string("stock")))
                #expect(try await handle.getStatus().state == .error)
            }
            let row = try await dbosRow(
                database.pool, "SELECT error FROM dbos.workflow_status WHERE workflow_uuid = 'wf-err'")
            #expect(row["error"] == #"{"code":"stock","message":"no more widgets","name":"OutOfStock"}"#)
            let step = try await dbosRow(
                database.pool, "SELECT error FROM dbos.operation_outputs WHERE workflow_uuid = 'wf-err'")
            #expect(step["error"] == row["error"])
        }
    }

    @Test("a step is retried with backoff and its output is recorded once")
    func retries() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let flaky = engine.register("flaky") { (context, failures: Int) -> String in
                    try await context.step(
                        "call", retry: StepRetryPolicy(maxAttempts: 4, initialBackoff: .milliseconds(20))
                    ) {
                        effects.record("attempt")
                        if effects.count("attempt") <= failures { throw URLError(.timedOut) }
                        return "ok after \(effects.count("attempt"))"
                    }
                }
                let clock = ContinuousClock()
                let started = clock.now
                #expect(try await engine.startWorkflow(flaky, input: 2, id: "flaky-1").getResult() == "ok after 3")
                #expect(clock.now - started >= .milliseconds(60))
                let exhausted = try await engine.startWorkflow(flaky, input: 100, id: "flaky-2")
                let error = await #expect(throws: WorkflowFailure.self) { try await exhausted.getResult() }
                #expect(error?.name == "URLError")
            }
            #expect(effects.count("attempt") == 3 + 4)
            let rows = try await database.pool.query(
                "SELECT workflow_uuid, output, error FROM dbos.operation_outputs ORDER BY workflow_uuid")
            #expect(rows.rows.count == 2)
            #expect(rows.rows.first?["output"] == #""ok after 3""#)
            #expect(rows.rows.last?["error"]?.contains(#""name":"URLError""#) == true)
        }
    }
}
