import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

/// A DBOS Python application (`Python/dbos_app.py`) writing workflows that MoltWorkflows then reads.
@Suite("DBOS Python application interoperability")
struct DBOSPythonAppInteropTests {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Python/dbos_app.py").path

    @Test("workflows written by a DBOS Python application decode with MoltWorkflows' readers, on its schema")
    func readsPythonWorkflows() async throws {
        try await TestDatabase.with { database in
            let run = try await PythonTools.run("python", [Self.app, database.url])
            try #require(run.status == 0, "the DBOS app failed: \(run.standardError.suffix(3000))")
            #expect(try await DBOSSystemSchema.ensure(database.pool) == .existing(version: 125))
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let ok = try #require(try await engine.status(workflowID: "py-portable-ok"))
                #expect(ok.state == .success)
                #expect(ok.name == "portable_workflow")
                #expect(ok.executorID == "py-interop-executor")
                #expect(ok.applicationName == "molt-interop-app")
                #expect(
                    ok.inputs?.json.flatMap(DBOSWorkflowInputs.init)
                        == DBOSWorkflowInputs(positionalArgs: [.string("ada"), .integer(21)]))
                #expect(
                    ok.output?.json
                        == .object([
                            "greeting": .string("hello ada"), "doubled": .integer(42),
                            "tags": .array([.string("a"), .string("b")]), "ratio": .double(0.5),
                        ]))
                let steps = try await engine.steps(workflowID: "py-portable-ok")
                #expect(steps.map(\.functionName) == ["double", "greet", "DBOS.setEvent"])
                #expect(steps.first?.output == .pythonPickle(byteCount: 5))
                #expect(steps.first?.output?.description == "⟨python pickle, 5 bytes⟩")
                #expect(try await engine.getEvent(String.self, workflowID: "py-portable-ok", key: "stage") == "greeted")

                let failed = try #require(try await engine.status(workflowID: "py-portable-err"))
                #expect(failed.state == .error)
                let error = try #require(failed.error?.json.flatMap(DBOSErrorPayload.init))
                #expect(error.name == "ValueError")
                #expect(error.message == "bad input")
                let handle = engine.retrieveWorkflow("py-portable-err", as: String.self)
                let thrown = await #expect(throws: WorkflowFailure.self) { try await handle.getResult() }
                #expect(thrown?.name == "ValueError")

                let pickled = try #require(try await engine.status(workflowID: "py-pickled-ok"))
                #expect(pickled.serialization == "py_pickle")
                if case .pythonPickle = pickled.output {
                } else {
                    Issue.record("expected a pickle, got \(String(describing: pickled.output))")
                }
                if case .pythonPickle = pickled.inputs {} else { Issue.record("expected pickled inputs") }

                let ours = engine.register("ours") { (_, n: Int) -> Int in n + 1 }
                #expect(try await engine.startWorkflow(ours, input: 1, id: "swift-on-dbos-schema").getResult() == 2)
            }
            let version = try await database.pool.query("SELECT version FROM dbos.dbos_migrations")
            #expect(try version.first?.decode("version", as: Int.self) == 125)
        }
    }
}
