import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// MoltClient's workflow reader on what a real DBOS Python application (dbos==3.4.0, Tests/Python/
/// dbos_reader_app.py) wrote: the schema DBOS created itself, its rows, its payloads (issue 6).
@Suite("DBOS workflow client on workflows written by DBOS Python", .timeLimit(.minutes(3)))
struct DBOSPythonAppReaderTests {
    static let app = Fixtures.repositoryRoot.appendingPathComponent("Tests/Python/dbos_reader_app.py").path

    @Test("lists and shows a DBOS Python application's workflows: status, inputs, outputs, steps, events, messages")
    func readsPythonWorkflows() async throws {
        try await TestDatabase.with { database in
            let run = try await PythonTools.run("python", [Self.app, database.url])
            try #require(run.status == 0, "the DBOS app failed: \(run.standardError.suffix(3000))")
            let client = DBOSWorkflowClient(pool: database.pool)

            let page = try await client.list(
                WorkflowListFilter(applicationName: "molt-client-reader-app", newestFirst: false))
            #expect(
                page.workflows.map(\.workflowID) == ["py-order", "py-queued", "py-waiter", "py-failed", "py-pickled"])
            #expect(page.next == nil)
            #expect(page.workflows.allSatisfy { $0.executorID == "py-reader-executor" })
            #expect(page.workflows.allSatisfy { $0.applicationVersion == "py-reader-1" })

            let order = try #require(try await client.workflow("py-order"))
            #expect(order.status == .success)
            #expect(order.name == "portable_order")
            #expect(order.serialization == DBOSPayload.Serialization.portableJSON)
            #expect(
                order.inputs.flatMap { payload -> DBOSWorkflowInputs? in
                    if case .json(let json) = payload { return DBOSWorkflowInputs(json) }
                    return nil
                } == DBOSWorkflowInputs(positionalArgs: [.string("o-1"), .integer(3)]))
            #expect(
                order.output
                    == .json(
                        .object(["order": .string("o-1"), "reserved": .integer(3), "receipt": .string("charged o-1")])))
            #expect(order.completedAt != nil && order.duration != nil)

            let steps = try await client.steps(of: "py-order")
            #expect(steps.map(\.functionName) == ["DBOS.setEvent", "reserve", "charge", "DBOS.setEvent"])
            #expect(steps.map(\.functionID) == [1, 2, 3, 4])
            // Step outputs of a portable workflow are still pickled by DBOS Python; the reader says so.
            #expect(steps[1].output == .pythonPickle(byteCount: 5))
            let events = try await client.events(of: "py-order")
            #expect(events.latest.map(\.key) == ["state"])
            #expect(events.latest.first?.value == .json(.string("charged")))
            if events.historyAvailable {
                #expect(events.history.map(\.value) == [.json(.string("reserving")), .json(.string("charged"))])
            }

            let queued = try await client.list(WorkflowListFilter(queueName: "reader_queue"))
            #expect(queued.workflows.map(\.workflowID) == ["py-queued"])
            #expect(queued.workflows.first?.status == .success)

            let waiter = try #require(try await client.workflow("py-waiter"))
            #expect(waiter.output == .json(.string("got hello")))
            #expect(try await client.steps(of: "py-waiter").map(\.functionName) == ["DBOS.recv", "DBOS.sleep"])
            let messages = try await client.notifications(of: "py-waiter")
            #expect(messages.map(\.topic) == ["greeting"])
            #expect(messages.first?.consumed == true)
            if case .pythonPickle = messages.first?.message {
            } else {
                Issue.record("expected a pickled message, got \(String(describing: messages.first?.message))")
            }

            let failed = try await client.list(
                WorkflowListFilter(statuses: [.error], applicationName: "molt-client-reader-app"))
            #expect(failed.workflows.map(\.workflowID) == ["py-failed"])
            let error = failed.workflows.first?.error.flatMap { payload -> DBOSErrorPayload? in
                if case .json(let json) = payload { return DBOSErrorPayload(json) }
                return nil
            }
            #expect(error?.name == "ValueError")
            #expect(error?.message == "out of stock")

            let pickled = try #require(try await client.workflow("py-pickled"))
            #expect(pickled.serialization == DBOSPayload.Serialization.pythonPickle)
            if case .pythonPickle = pickled.output {
            } else {
                Issue.record("expected a pickle, got \(String(describing: pickled.output))")
            }
        }
    }
}
