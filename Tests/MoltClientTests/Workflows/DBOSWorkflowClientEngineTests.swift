import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import MoltWorkflows
import Testing

/// The reader and operator on rows a real MoltWorkflows engine wrote, checked against the engine's own view.
@Suite("DBOS workflow client on MoltWorkflows rows", .timeLimit(.minutes(2)))
struct DBOSWorkflowClientEngineTests {
    struct Greeting: Codable, Sendable, Equatable {
        let name: String
    }

    /// `greet`: a step, an event, a message wait, a durable sleep, another event; answers a greeting.
    static func registerGreeter(_ engine: WorkflowEngine, _ counter: StepCounter) -> Workflow<Greeting, String> {
        engine.register("greet") { (context, input: Greeting) -> String in
            let title = try await context.step("lookupTitle") { () -> String in
                counter.record("lookupTitle")
                return "Dr."
            }
            try await context.setEvent("status", "started")
            let note = try await context.recv(String.self, topic: "go", timeout: .seconds(1)) ?? "no note"
            try await context.sleep(for: .milliseconds(20))
            try await context.setEvent("status", "done")
            try await context.step("record") { counter.record("record") }
            return "hello \(title) \(input.name) (\(note))"
        }
    }

    @Test("get, steps, events and notifications of an engine-run workflow decode as the engine reads them")
    func readsEngineRows() async throws {
        try await TestDatabase.with { database in
            let counter = StepCounter()
            try await EngineRunner.with(database) { engine in
                let greet = Self.registerGreeter(engine, counter)
                let failing = engine.register("explode") { (_, _: Int) -> Int in
                    throw WorkflowFailure(DBOSErrorPayload(name: "Boom", message: "it exploded", code: .integer(42)))
                }
                let handle = try await engine.startWorkflow(greet, input: Greeting(name: "Ada"), id: "greet-1")
                try await engine.send("a note", to: "greet-1", topic: "go")
                #expect(try await handle.getResult() == "hello Dr. Ada (a note)")
                await #expect(throws: WorkflowFailure.self) {
                    _ = try await engine.startWorkflow(failing, input: 1, id: "explode-1").getResult()
                }

                let client = DBOSWorkflowClient(pool: database.pool)
                let record = try #require(try await client.workflow("greet-1"))
                #expect(record.status == .success)
                #expect(record.name == "greet")
                #expect(record.serialization == "portable_json")
                #expect(record.applicationVersion == "moltnet-client-tests-1")
                #expect(record.recoveryAttempts == 1)
                let inputs = try #require(record.inputs?.json.flatMap(DBOSWorkflowInputs.init))
                #expect(inputs.positionalArgs == [.object(["name": .string("Ada")])])
                #expect(record.output?.json == .string("hello Dr. Ada (a note)"))
                #expect(record.error == nil)
                #expect(record.completedAt != nil && record.duration.map { $0 >= .milliseconds(20) } == true)

                let engineStatus = try #require(try await engine.status(workflowID: "greet-1"))
                #expect(record.inputs == engineStatus.inputs && record.output == engineStatus.output)
                #expect(record.createdAt == engineStatus.createdAt && record.updatedAt == engineStatus.updatedAt)

                let steps = try await client.steps(of: "greet-1")
                let engineSteps = try await engine.steps(workflowID: "greet-1")
                #expect(steps.map(\.functionID) == engineSteps.map(\.functionID))
                #expect(steps.map(\.functionName) == engineSteps.map(\.functionName))
                #expect(steps.map(\.output) == engineSteps.map(\.output))
                #expect(
                    steps.map(\.functionName) == [
                        "lookupTitle", "DBOS.setEvent", "DBOS.recv", "DBOS.sleep", "DBOS.sleep", "DBOS.setEvent",
                        "record",
                    ])
                #expect(steps[0].output?.json == .string("Dr."))
                #expect(steps[2].output?.json == .string("a note"))
                #expect(steps.allSatisfy { $0.duration != nil })
                #expect(steps[4].duration.map { $0 >= .milliseconds(15) } == true)

                let events = try await client.events(of: "greet-1")
                #expect(events.historyAvailable)
                #expect(events.latest.map(\.key) == ["status"])
                #expect(events.latest.first?.value?.json == .string("done"))
                #expect(events.history.map { $0.value?.json } == [.string("started"), .string("done")])
                #expect(events.history.map(\.functionID) == [2, 6])

                let notifications = try await client.notifications(of: "greet-1")
                #expect(notifications.count == 1)
                #expect(notifications.first?.topic == "go")
                #expect(notifications.first?.message?.json == .string("a note"))
                #expect(notifications.first?.consumed == true)
                #expect(notifications.first?.consumedByFunctionID == 3)

                let failed = try #require(try await client.workflow("explode-1"))
                #expect(failed.status == .error)
                let payload = try #require(failed.error?.json.flatMap(DBOSErrorPayload.init))
                #expect(payload == DBOSErrorPayload(name: "Boom", message: "it exploded", code: .integer(42)))

                let page = try await client.list(WorkflowListFilter(statuses: [.success, .error]))
                #expect(page.workflows.map(\.workflowID) == ["explode-1", "greet-1"])
                #expect(page.next == nil)
                let named = try await client.list(WorkflowListFilter(name: "greet", includePayloads: false))
                #expect(named.workflows.map(\.workflowID) == ["greet-1"])
                #expect(named.workflows.first?.output == nil)
            }
        }
    }

    @Test("cancel stops an engine's workflow, resume makes the engine finish it, fork replays earlier steps")
    func operatesEngineWorkflows() async throws {
        try await TestDatabase.with { database in
            let counter = StepCounter()
            try await EngineRunner.with(database) { engine in
                let greet = Self.registerGreeter(engine, counter)
                let client = DBOSWorkflowClient(pool: database.pool)

                // Cancelled while it waits for its message: the engine stops it before the next step.
                let waiting = try await engine.startWorkflow(greet, input: Greeting(name: "Bo"), id: "greet-c")
                #expect(try await EngineRunner.eventually { counter.count("lookupTitle") == 1 })
                #expect(try await client.cancel("greet-c") == .cancelled)
                await #expect(throws: WorkflowError.self) { _ = try await waiting.getResult() }
                let cancelled = try #require(try await client.workflow("greet-c"))
                #expect(cancelled.status == .cancelled)
                #expect(cancelled.queueName == nil && cancelled.completedAt != nil)
                #expect(counter.count("record") == 0)

                // Resumed: re-enqueued on the internal queue, the running engine replays and finishes it.
                #expect(try await client.resume("greet-c"))
                let resumed = try #require(try await client.workflow("greet-c"))
                #expect([DBOSWorkflowState.enqueued, .pending, .success].contains(resumed.status))
                let result = try await engine.retrieveWorkflow("greet-c", as: String.self).getResult()
                #expect(result == "hello Dr. Bo (no note)")
                #expect(counter.count("lookupTitle") == 1)
                #expect(counter.count("record") == 1)
                #expect(try await client.resume("greet-c") == false)
                #expect(try await client.cancel("greet-c") == .success)

                // Forked from step 3: steps 1-2 replay from the copy, the rest run again.
                let copy = try await client.fork("greet-c", startStep: 3, newWorkflowID: "greet-c-fork")
                #expect(copy == "greet-c-fork")
                let forkResult = try await engine.retrieveWorkflow(copy, as: String.self).getResult()
                #expect(forkResult == "hello Dr. Bo (no note)")
                #expect(counter.count("lookupTitle") == 1)
                #expect(counter.count("record") == 2)
                let forked = try #require(try await client.workflow(copy))
                #expect(forked.forkedFrom == "greet-c")
                #expect(forked.inputs == cancelled.inputs)
                #expect(try await client.workflow("greet-c")?.wasForkedFrom == true)
                #expect(
                    try await client.steps(of: copy).map(\.functionName).prefix(2) == ["lookupTitle", "DBOS.setEvent"])
                #expect(try await client.events(of: copy).history.map(\.functionID) == [2, 6])
            }
        }
    }
}
