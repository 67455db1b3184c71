import Foundation
import MoltClient
import MoltCore
import MoltPostgres

/// Demo rows in the DBOS tables for the workflow states the server does not produce on demand (ERROR,
/// CANCELLED, ENQUEUED, DELAYED, MAX_RECOVERY_ATTEMPTS_EXCEEDED, and a PENDING one of a stopped executor).
///
/// They are clearly marked as demo data: ids start with `demo-wf-`, names with `demo`, the executor is
/// `molt-admin-seed-demo`, the application version `molt-admin-demo`, the queue `moltnet_demo`, and
/// `attributes` holds `{"demo": true}`. No engine runs them: none registers these names, dispatches that queue
/// or owns that executor id. Written as DBOS 3.4 writes rows (portable_json payloads in `workflow_status`
/// and `workflow_input`/`workflow_output`, one `operation_outputs` row per step); inserting is idempotent.
struct DemoWorkflows: Sendable {
    static let executorID = "molt-admin-seed-demo"
    static let applicationVersion = "molt-admin-demo"
    static let queue = "moltnet_demo"

    struct Step: Sendable {
        let name: String
        var output: String? = nil
        var error: String? = nil
    }

    struct Row: Sendable {
        let id: String
        let name: String
        let status: String
        /// Minutes before now it was created.
        let age: Int
        let input: String
        var output: String? = nil
        var error: String? = nil
        var steps: [Step] = []
        var attempts = 1
        var queued = false
        /// Minutes after now a DELAYED row becomes ENQUEUED.
        var delayedFor: Int? = nil
    }

    static func error(_ name: String, _ message: String) -> String {
        #"{"code":null,"message":"\#(message)","name":"\#(name)"}"#
    }

    static let rows: [Row] = [
        Row(
            id: "demo-wf-error-1", name: "demoReindexEmbeddings", status: "ERROR", age: 95,
            input: #"{"diaryId":"demo","batch":128}"#,
            error: error("ModelUnavailable", "the embedding model folder is missing"),
            steps: [
                Step(name: "loadEntries", output: "128"),
                Step(name: "embedBatch", error: error("ModelUnavailable", "the embedding model folder is missing")),
            ]),
        Row(
            id: "demo-wf-error-2", name: "demoNightlyDigest", status: "ERROR", age: 62,
            input: #"{"days":7}"#, error: error("TimeoutError", "the digest took longer than 30 s"),
            steps: [
                Step(name: "collectEntries", output: "42"),
                Step(name: "writeDigest", error: error("TimeoutError", "the digest took longer than 30 s")),
            ]),
        Row(
            id: "demo-wf-cancelled-1", name: "demoNightlyDigest", status: "CANCELLED", age: 48,
            input: #"{"days":30}"#, steps: [Step(name: "collectEntries", output: "311")]),
        Row(
            id: "demo-wf-dead-1", name: "demoImportDiary", status: "MAX_RECOVERY_ATTEMPTS_EXCEEDED", age: 37,
            input: #"{"file":"research.jsonl"}"#, steps: [Step(name: "readFile", output: #""10000 lines""#)],
            attempts: 101),
        Row(
            id: "demo-wf-pending-1", name: "demoNightlyDigest", status: "PENDING", age: 12,
            input: #"{"days":1}"#, steps: [Step(name: "collectEntries", output: "9")]),
        Row(
            id: "demo-wf-enqueued-1", name: "demoReindexEmbeddings", status: "ENQUEUED", age: 6,
            input: #"{"diaryId":"demo","batch":128}"#, attempts: 0, queued: true),
        Row(
            id: "demo-wf-enqueued-2", name: "demoReindexEmbeddings", status: "ENQUEUED", age: 5,
            input: #"{"diaryId":"demo","batch":256}"#, attempts: 0, queued: true),
        Row(
            id: "demo-wf-delayed-1", name: "demoNightlyDigest", status: "DELAYED", age: 2,
            input: #"{"days":1}"#, attempts: 0, queued: true, delayedFor: 7 * 24 * 60),
        Row(
            id: "demo-wf-success-1", name: "demoNightlyDigest", status: "SUCCESS", age: 120,
            input: #"{"days":7}"#, output: #"{"entries":42,"digest":"7 days, 42 entries"}"#,
            steps: [Step(name: "collectEntries", output: "42"), Step(name: "writeDigest", output: "true")]),
    ]

    let pool: PostgresPool

    /// Inserts the rows that are missing; returns how many were added.
    func insert(now: Date = Date()) async throws -> Int {
        let nowMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
        return try await pool.withTransaction { connection in
            var inserted = 0
            for row in Self.rows {
                let created = nowMilliseconds - Int64(row.age) * 60_000
                let finished = ["ERROR", "SUCCESS", "CANCELLED"].contains(row.status)
                let inputs = #"{"namedArgs":{},"positionalArgs":["# + row.input + "]}"
                let result = try await connection.query(
                    """
                    INSERT INTO dbos.workflow_status (
                        workflow_uuid, status, name, inputs, output, error, serialization, executor_id,
                        application_version, recovery_attempts, created_at, updated_at, queue_name,
                        started_at_epoch_ms, completed_at, attributes, priority, delay_until_epoch_ms)
                    VALUES (
                        \(row.id), \(row.status), \(row.name), \(inputs), \(row.output), \(row.error), 'portable_json',
                        \(row.queued ? nil : Self.executorID), \(Self.applicationVersion), \(row.attempts), \(created),
                        \(created + 1500), \(row.queued ? Self.queue : nil), \(row.queued ? nil : created + 20),
                        \(finished ? created + 1500 : nil), '{"demo": true, "seededBy": "molt-admin seed-demo"}'::jsonb, 0,
                        \(row.delayedFor.map { nowMilliseconds + Int64($0) * 60_000 }))
                    ON CONFLICT (workflow_uuid) DO NOTHING
                    RETURNING workflow_uuid
                    """)
                guard result.first != nil else { continue }
                inserted += 1
                try await connection.query(
                    """
                    INSERT INTO dbos.workflow_input (workflow_uuid, inputs, retention_timestamp)
                    VALUES (\(row.id), \(inputs), \(created)) ON CONFLICT DO NOTHING
                    """)
                if row.output != nil || row.error != nil {
                    try await connection.query(
                        """
                        INSERT INTO dbos.workflow_output (workflow_uuid, output, error, retention_timestamp)
                        VALUES (\(row.id), \(row.output), \(row.error), \(created)) ON CONFLICT DO NOTHING
                        """)
                }
                for (index, step) in row.steps.enumerated() {
                    let started = created + 20 + Int64(index) * 400
                    try await connection.query(
                        """
                        INSERT INTO dbos.operation_outputs (
                            workflow_uuid, function_id, function_name, output, error, started_at_epoch_ms,
                            completed_at_epoch_ms, serialization)
                        VALUES (\(row.id), \(Int32(index + 1)), \(step.name), \(step.output), \(step.error), \(started),
                            \(started + 350), 'portable_json')
                        ON CONFLICT DO NOTHING
                        """)
                }
            }
            return inserted
        }
    }
}
