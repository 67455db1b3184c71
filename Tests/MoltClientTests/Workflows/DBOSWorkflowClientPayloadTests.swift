import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

/// Rows written with plain SQL into a DBOS 3.4 schema, the way DBOS Python and TypeScript write them.
@Suite("DBOS workflow client on SQL-written rows", .timeLimit(.minutes(2)))
struct DBOSWorkflowClientPayloadTests {
    static let pickledInputs = "gASVHwAAAAAAAAB9lCiMBGFyZ3OUSwGMAXiUhpSMBmt3YXJnc5R9lHUu"
    static let pickledOutput = "gASVBgAAAAAAAACMAmhplC4="

    /// A database with the full DBOS schema (version 125), as `dbos migrate` makes it.
    static func withSchema<T: Sendable>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        try await TestDatabase.with { database in
            _ = try await DBOSSystemSchema.ensure(database.pool)
            return try await body(database)
        }
    }

    @Test(
        "decodes portable_json, py_pickle, js_superjson, unmarked JSON and unreadable payloads; keeps unknown statuses")
    func serializations() async throws {
        try await Self.withSchema { database in
            let pool = database.pool
            try await pool.query(
                """
                INSERT INTO dbos.workflow_status (workflow_uuid, status, name, created_at, updated_at, serialization,
                    inputs, output, error, completed_at)
                VALUES ('wf-pickle', 'SUCCESS', 'py_flow', 1771000000000, 1771000001000, 'py_pickle', NULL, NULL, NULL,
                     1771000001000),
                    ('wf-superjson', 'ERROR', 'ts_flow', 1771000002000, 1771000003000, 'js_superjson',
                     '{"json":["a",{"n":1}],"meta":{"values":{}},"__dbos_serializer":"superjson"}', NULL,
                     '{"json":{"name":"TypeError","message":"bad"},"__dbos_serializer":"superjson"}', NULL),
                    ('wf-legacy', 'SUCCESS', 'old_flow', 1771000004000, 1771000005000, NULL, '[1,2]',
                     '{"dbos_type":"dbos_Date","dbos_data":"2026-01-01T00:00:00.000Z"}', NULL, NULL),
                    ('wf-raw', 'PAUSED', 'odd_flow', 1771000006000, 1771000007000, 'portable_json', NULL, 'not json{', NULL,
                     NULL)
                """)
            try await pool.query(
                """
                INSERT INTO dbos.workflow_input (workflow_uuid, inputs) VALUES ('wf-pickle', \(Self.pickledInputs))
                """)
            try await pool.query(
                "INSERT INTO dbos.workflow_output (workflow_uuid, output) VALUES ('wf-pickle', \(Self.pickledOutput))")
            try await pool.query(
                """
                INSERT INTO dbos.operation_outputs (workflow_uuid, function_id, function_name, output, serialization,
                    started_at_epoch_ms, completed_at_epoch_ms)
                VALUES ('wf-pickle', 1, 'fetch', \(Self.pickledOutput), 'py_pickle', 1771000000100, 1771000000350),
                    ('wf-pickle', 2, 'DBOS.sleep', '1771000002.5', 'portable_json', 1771000000400, 1771000002500),
                    ('wf-pickle', 4, 'after_fork_gap', NULL, 'py_pickle', NULL, NULL)
                """)
            try await pool.query(
                """
                INSERT INTO dbos.notifications (destination_uuid, topic, message, created_at_epoch_ms, serialization)
                VALUES ('wf-pickle', '__null__topic__', \(Self.pickledOutput), 1771000000500, 'py_pickle'),
                    ('wf-pickle', 'greeting', '"hello"', 1771000000600, 'portable_json')
                """)
            try await pool.query(
                """
                INSERT INTO dbos.workflow_events (workflow_uuid, key, value, serialization)
                VALUES ('wf-superjson', 'progress', '{"json":0.5,"__dbos_serializer":"superjson"}', 'js_superjson')
                """)
            let client = DBOSWorkflowClient(pool: pool)

            let pickled = try #require(try await client.workflow("wf-pickle"))
            #expect(pickled.inputs == .pythonPickle(byteCount: 42))
            #expect(pickled.output == .pythonPickle(byteCount: 17))
            #expect(pickled.output?.description == "⟨python pickle, 17 bytes⟩")
            #expect(pickled.duration == .seconds(1))

            let superjson = try #require(try await client.workflow("wf-superjson"))
            #expect(superjson.status == .error)
            #expect(superjson.inputs?.json == .array([.string("a"), .object(["n": .integer(1)])]))
            #expect(
                superjson.error?.json.flatMap(DBOSErrorPayload.init)
                    == DBOSErrorPayload(name: "TypeError", message: "bad"))
            #expect(try await client.events(of: "wf-superjson").latest.first?.value?.json == .double(0.5))

            let legacy = try #require(try await client.workflow("wf-legacy"))
            #expect(legacy.serialization == nil)
            #expect(legacy.inputs?.json == .array([.integer(1), .integer(2)]))
            #expect(legacy.output?.json?["dbos_type"] == .string("dbos_Date"))

            let raw = try #require(try await client.workflow("wf-raw"))
            #expect(raw.status == .other("PAUSED"))
            #expect(raw.status.description == "PAUSED")
            #expect(raw.output == .raw("not json{"))

            let steps = try await client.steps(of: "wf-pickle")
            #expect(steps.map(\.functionID) == [1, 2, 4])
            #expect(steps[0].output == .pythonPickle(byteCount: 17))
            #expect(steps[0].duration == .milliseconds(250))
            #expect(steps[1].output?.json == .double(1_771_000_002.5))
            #expect(steps[1].duration == .milliseconds(2100))
            #expect(steps[2].duration == nil && steps[2].output == nil)

            let messages = try await client.notifications(of: "wf-pickle")
            #expect(messages.map(\.topic) == [nil, "greeting"])
            #expect(messages.map(\.message) == [.pythonPickle(byteCount: 17), .json(.string("hello"))])
            #expect(messages.map(\.consumed) == [false, false])
            #expect(try await client.workflow("missing") == nil)
            #expect(try await client.steps(of: "missing").isEmpty)
        }
    }

    @Test("cancel, resume and fork write what the DBOS CLI writes, only on unfinished rows")
    func operators() async throws {
        try await Self.withSchema { database in
            let pool = database.pool
            try await pool.query(
                """
                INSERT INTO dbos.workflow_status (workflow_uuid, status, name, created_at, updated_at, serialization,
                    queue_name, deduplication_id, started_at_epoch_ms, owner_xid, recovery_attempts, executor_id,
                    application_version, application_name, class_name, authenticated_user, attributes,
                    workflow_deadline_epoch_ms, workflow_timeout_ms)
                VALUES ('wf-q', 'PENDING', 'flow', 1771000000000, 1771000000000, 'py_pickle', 'work', 'dedup-1',
                    1771000000100, 'owner-1', 3, 'exec-1', 'v7', 'app', 'Flows', 'ada', '{"team":"x"}', 1771000099000,
                    60000),
                    ('wf-done', 'SUCCESS', 'flow', 1771000001000, 1771000001000, 'portable_json', NULL, NULL, NULL,
                    NULL, 1, 'exec-1', 'v7', 'app', NULL, NULL, NULL, NULL, NULL)
                """)
            try await pool.query(
                "INSERT INTO dbos.workflow_input (workflow_uuid, inputs) VALUES ('wf-q', \(Self.pickledInputs))")
            try await pool.query(
                """
                INSERT INTO dbos.operation_outputs (workflow_uuid, function_id, function_name, output, serialization)
                SELECT 'wf-q', i, 'step' || i, '"out' || i || '"', 'portable_json' FROM generate_series(1, 3) i
                """)
            try await pool.query(
                """
                INSERT INTO dbos.workflow_events_history (workflow_uuid, function_id, key, value, serialization)
                VALUES ('wf-q', 1, 'k', '"v1"', 'portable_json'), ('wf-q', 2, 'k', '"v2"', 'portable_json'),
                    ('wf-q', 3, 'k', '"v3"', 'portable_json')
                """)
            try await pool.query(
                """
                INSERT INTO dbos.streams (workflow_uuid, key, value, "offset", function_id, serialization)
                VALUES ('wf-q', 's', '"a"', 0, 1, 'portable_json'), ('wf-q', 's', '"b"', 1, 3, 'portable_json')
                """)
            let client = DBOSWorkflowClient(pool: pool)

            #expect(try await client.cancel("wf-q") == .cancelled)
            let cancelled = try await Self.row(pool, "wf-q")
            #expect(cancelled["status"] == "CANCELLED")
            for column in ["queue_name", "deduplication_id", "started_at_epoch_ms", "owner_xid"] {
                #expect(cancelled[column] == nil, "\(column)")
            }
            #expect(cancelled["completed_at"] != nil)
            #expect(try await client.cancel("wf-done") == .success)
            #expect(try await Self.row(pool, "wf-done")["status"] == "SUCCESS")

            #expect(try await client.resume("wf-q", queue: "priority-work"))
            let resumed = try await Self.row(pool, "wf-q")
            #expect(resumed["status"] == "ENQUEUED" && resumed["queue_name"] == "priority-work")
            #expect(resumed["recovery_attempts"] == "0")
            #expect(resumed["workflow_deadline_epoch_ms"] == nil && resumed["completed_at"] == nil)
            #expect(try await client.resume("wf-done") == false)

            let copy = try await client.fork("wf-q", startStep: 3, newWorkflowID: "wf-q-fork")
            let forked = try await Self.row(pool, copy)
            #expect(forked["status"] == "ENQUEUED" && forked["queue_name"] == "_dbos_internal_queue")
            #expect(forked["application_version"] == "v7" && forked["forked_from"] == "wf-q")
            #expect(forked["class_name"] == "Flows" && forked["authenticated_user"] == "ada")
            #expect(forked["attributes"] == #"{"team": "x"}"# && forked["workflow_timeout_ms"] == "60000")
            #expect(forked["inputs"] == Self.pickledInputs && forked["serialization"] == "py_pickle")
            #expect(forked["recovery_attempts"] == "0" && forked["executor_id"] == nil)
            #expect(try await client.workflow(copy)?.inputs == .pythonPickle(byteCount: 42))
            #expect(try await client.steps(of: copy).map(\.functionName) == ["step1", "step2"])
            let events = try await client.events(of: copy)
            #expect(events.history.map(\.functionID) == [1, 2])
            #expect(events.latest.map { $0.value?.json } == [.string("v2")])
            let streams = try await pool.query("SELECT \"offset\" FROM dbos.streams WHERE workflow_uuid = \(copy)")
            #expect(streams.rows.map { $0["offset"] } == ["0"])
            #expect(try await Self.row(pool, "wf-q")["was_forked_from"] == "t")

            let fresh = try await client.fork("wf-done", applicationVersion: "v8")
            #expect(try await Self.row(pool, fresh)["application_version"] == "v8")
            #expect(try await client.steps(of: fresh).isEmpty)

            let conflict = await #expect(throws: DBOSWorkflowError.self) {
                _ = try await client.fork("wf-q", newWorkflowID: "wf-done")
            }
            #expect(conflict?.code == .idConflict)
            for operation in ["cancel", "resume", "fork"] {
                let missing = await #expect(throws: DBOSWorkflowError.self) {
                    switch operation {
                    case "cancel": _ = try await client.cancel("nope")
                    case "resume": _ = try await client.resume("nope")
                    default: _ = try await client.fork("nope")
                    }
                }
                #expect(missing?.code == .notFound, "\(operation)")
            }
            let badStep = await #expect(throws: DBOSWorkflowError.self) {
                _ = try await client.fork("wf-q", startStep: 0)
            }
            #expect(badStep?.code == .invalidArgument)
        }
    }

    static func row(_ pool: PostgresPool, _ workflowID: String) async throws -> PostgresRow {
        let result = try await pool.query(
            "SELECT * FROM dbos.workflow_status WHERE workflow_uuid = \(workflowID)")
        return try #require(result.first)
    }
}
