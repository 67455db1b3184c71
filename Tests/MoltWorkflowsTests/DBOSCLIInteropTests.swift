import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

private struct Order: Codable, Sendable {
    var item: String
    var quantity: Int
}

private struct Rejected: Error, CustomStringConvertible {
    var description: String { "order rejected" }
}

/// DBOS's own command-line tool (dbos==3.4.0) reading and operating workflows written by MoltWorkflows.
@Suite("DBOS CLI interoperability")
struct DBOSCLIInteropTests {
    private func list(_ url: String) async throws -> [String: PortableJSON] {
        let text = try await PythonTools.dbosJSON(["workflow", "list", "-s", url, "-l", "100"])
        guard case .array(let rows) = try PortableJSON(parsing: text) else { return [:] }
        var byID: [String: PortableJSON] = [:]
        for row in rows { if let id = row["workflow_id"]?.stringValue { byID[id] = row } }
        return byID
    }

    @Test("dbos workflow list and steps show our workflows with status, name, inputs and outputs decoded")
    func listAndSteps() async throws {
        try await TestDatabase.with { database in
            let configuration = EngineHarness.configuration()
            try await EngineHarness.withEngine(database, configuration: configuration) {
                (engine: WorkflowEngine) async throws in
                let checkout = engine.register("checkout") { (context, order: Order) -> [String: Int] in
                    let total = try await context.step("price") { order.quantity * 3 }
                    try await context.sleep(for: .milliseconds(10))
                    return ["total": total]
                }
                let reject = engine.register("reject") { (context, _: Order) -> Int in
                    try await context.step("check") { () throws -> Int in throw Rejected() }
                }
                _ = try await engine.startWorkflow(checkout, input: Order(item: "widget", quantity: 2), id: "cli-ok")
                    .getResult()
                _ = try? await engine.startWorkflow(reject, input: Order(item: "x", quantity: 1), id: "cli-err")
                    .getResult()
            }
            let rows = try await list(database.url)
            let ok = try #require(rows["cli-ok"])
            #expect(ok["status"] == .string("SUCCESS"))
            #expect(ok["name"] == .string("checkout"))
            #expect(ok["executor_id"] == .string(configuration.executorID))
            #expect(ok["app_version"] == .string(configuration.applicationVersion))
            #expect(ok["recovery_attempts"] == .integer(1))
            #expect(
                ok["input"]
                    == .object([
                        "args": .array([.object(["item": .string("widget"), "quantity": .integer(2)])]),
                        "kwargs": .object([:]),
                    ]))
            #expect(ok["output"] == .object(["total": .integer(6)]))
            let failed = try #require(rows["cli-err"])
            #expect(failed["status"] == .string("ERROR"))
            #expect(failed["error"]?.stringValue?.contains("order rejected") == true)

            let stepsText = try await PythonTools.dbosJSON(["workflow", "steps", "cli-ok", "-s", database.url])
            guard case .array(let steps) = try PortableJSON(parsing: stepsText) else {
                Issue.record("dbos workflow steps printed no list")
                return
            }
            #expect(steps.map { $0["function_name"] } == [.string("price"), .string("DBOS.sleep")])
            #expect(steps.first?["output"] == .integer(6))
            #expect(steps.last?["output"]?.doubleValue.map { $0 > 1_700_000_000 } == true)
        }
    }

    @Test("dbos workflow cancel stops our workflow before its next step and dbos workflow resume finishes it")
    func cancelAndResume() async throws {
        try await TestDatabase.with { database in
            let effects = SideEffects()
            let gate = Gate()
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let pipeline = engine.register("pipeline") { (context, _: Int) -> String in
                    try await context.step("fetch") {
                        effects.record("fetch")
                        try await gate.wait()
                    }
                    try await context.step("store") { effects.record("store") }
                    return "stored"
                }
                let handle = try await engine.startWorkflow(pipeline, input: 1, id: "cli-cancel")
                #expect(try await EngineHarness.eventually { gate.waiting == 1 })
                _ = try await PythonTools.dbosJSON(["workflow", "cancel", "cli-cancel", "-s", database.url])
                gate.open()
                await #expect(throws: WorkflowError.self) { try await handle.getResult() }
                #expect(effects.count("store") == 0)
                _ = try await PythonTools.dbosJSON(["workflow", "resume", "cli-cancel", "-s", database.url])
                #expect(try await handle.getResult() == "stored")
            }
            #expect(effects.count("fetch") == 1)
            #expect(effects.count("store") == 1)
        }
    }
}
