import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

@Suite("Messages and events")
struct MessagingTests {
    @Test("recv takes messages by topic, oldest first, and records DBOS.recv and DBOS.sleep operations")
    func sendAndRecvByTopic() async throws {
        try await TestDatabase.with { database in
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let inbox = engine.register("inbox") { (context, _: String) -> String in
                    let a = try await context.recv(String.self, topic: "a", timeout: .seconds(10))
                    let b1 = try await context.recv(String.self, topic: "b", timeout: .seconds(10))
                    let b2 = try await context.recv(String.self, topic: "b", timeout: .seconds(10))
                    return [a, b1, b2].map { $0 ?? "-" }.joined(separator: "|")
                }
                let handle = try await engine.startWorkflow(inbox, input: "", id: "inbox-1")
                try await engine.send("B1", to: "inbox-1", topic: "b")
                try await engine.send("B2", to: "inbox-1", topic: "b")
                try await Task.sleep(for: .milliseconds(100))
                try await engine.send("A", to: "inbox-1", topic: "a")
                #expect(try await handle.getResult() == "A|B1|B2")
                let steps = try await engine.steps(workflowID: "inbox-1")
                #expect(
                    steps.map(\.functionName) == [
                        "DBOS.recv", "DBOS.sleep", "DBOS.recv", "DBOS.sleep", "DBOS.recv", "DBOS.sleep",
                    ])
                #expect(steps.first?.output?.json == .string("A"))
                #expect(steps[1].output?.json?.doubleValue.map { $0 > 1_700_000_000 } == true)
                await #expect(throws: WorkflowError.self) { try await engine.send("x", to: "nobody") }
            }
            let messages = try await database.pool.query(
                "SELECT topic, consumed, consumed_by_function_id, serialization FROM dbos.notifications ORDER BY topic, consumed_by_function_id"
            )
            #expect(messages.rows.map { $0["consumed"] } == ["t", "t", "t"])
            #expect(messages.rows.map { $0["consumed_by_function_id"] } == ["1", "3", "5"])
            #expect(messages.rows.allSatisfy { $0["serialization"] == "portable_json" })
        }
    }

    @Test("recv returns nil after its timeout and records that")
    func recvTimeout() async throws {
        try await TestDatabase.with { database in
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let waiter = engine.register("waiter") { (context, _: Int) -> String in
                    let message = try await context.recv(String.self, timeout: .milliseconds(400))
                    return message ?? "timed out"
                }
                let clock = ContinuousClock()
                let started = clock.now
                #expect(try await engine.startWorkflow(waiter, input: 0, id: "waiter-1").getResult() == "timed out")
                #expect(clock.now - started >= .milliseconds(400))
                let steps = try await engine.steps(workflowID: "waiter-1")
                #expect(steps.map(\.functionName) == ["DBOS.recv", "DBOS.sleep"])
                #expect(steps.first?.output?.json == .null)
            }
        }
    }

    @Test("a workflow sends to another exactly once, and a recv waiting across a restart gets its message")
    func sendBetweenWorkflowsAcrossRestart() async throws {
        try await TestDatabase.with { database in
            let configuration = EngineHarness.configuration()
            let setUp = { (engine: WorkflowEngine) in
                engine.register("receiver") { (context, _: Int) -> String in
                    try await context.recv(String.self, topic: "signature", timeout: .seconds(30)) ?? "expired"
                }
                engine.register("sender") { (context, target: String) -> Bool in
                    try await context.send("signed", to: target, topic: "signature")
                    return true
                }
            }
            try await EngineHarness.withEngine(database, configuration: configuration, setUp: setUp) {
                (engine: WorkflowEngine) async throws in
                _ = try await engine.startWorkflow(Workflow<Int, String>(name: "receiver"), input: 0, id: "signing-1")
                #expect(
                    try await EngineHarness.eventually { try await engine.steps(workflowID: "signing-1").count == 1 })
            }
            try await EngineHarness.withEngine(database, configuration: configuration, setUp: setUp) {
                (engine: WorkflowEngine) async throws in
                let sender = try await engine.startWorkflow(
                    Workflow<String, Bool>(name: "sender"), input: "signing-1", id: "sender-1")
                #expect(try await sender.getResult())
                let receiver = engine.retrieveWorkflow("signing-1", as: String.self)
                #expect(try await receiver.getResult() == "signed")
                #expect(try await engine.steps(workflowID: "sender-1").map(\.functionName) == ["DBOS.send"])
                let steps = try await engine.steps(workflowID: "signing-1")
                #expect(steps.map(\.functionName) == ["DBOS.recv", "DBOS.sleep"])
            }
            let count = try await database.pool.query("SELECT count(*) AS n FROM dbos.notifications")
            #expect(try count.first?.decode("n", as: Int.self) == 1)
        }
    }

    @Test("setEvent publishes the latest value to getEvent and keeps every value in the history")
    func events() async throws {
        try await TestDatabase.with { database in
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let progress = engine.register("progress") { (context, _: Int) -> Int in
                    try await context.setEvent("stage", "started")
                    try await context.setEvent("stage", "halfway")
                    _ = try await context.recv(String.self, topic: "finish", timeout: .seconds(10))
                    try await context.setEvent("stage", "done")
                    return 3
                }
                let watcher = engine.register("watcher") { (context, target: String) -> String in
                    try await context.getEvent(String.self, workflowID: target, key: "stage", timeout: .seconds(10))
                        ?? "-"
                }
                let handle = try await engine.startWorkflow(progress, input: 0, id: "progress-1")
                #expect(
                    try await EngineHarness.eventually {
                        try await engine.getEvent(
                            String.self, workflowID: "progress-1", key: "stage", timeout: .seconds(5)) == "halfway"
                    })
                #expect(
                    try await engine.startWorkflow(watcher, input: "progress-1", id: "watcher-1").getResult()
                        == "halfway")
                #expect(
                    try await engine.getEvent(
                        String.self, workflowID: "progress-1", key: "unset", timeout: .milliseconds(200)) == nil)
                try await engine.send("go", to: "progress-1", topic: "finish")
                #expect(try await handle.getResult() == 3)
                #expect(try await engine.getEvent(String.self, workflowID: "progress-1", key: "stage") == "done")
                let history = try await engine.eventHistory(workflowID: "progress-1", key: "stage")
                #expect(history.map(\.description) == [#""started""#, #""halfway""#, #""done""#])
                let watcherSteps = try await engine.steps(workflowID: "watcher-1")
                #expect(watcherSteps.map(\.functionName) == ["DBOS.getEvent", "DBOS.sleep"])
            }
        }
    }
}
