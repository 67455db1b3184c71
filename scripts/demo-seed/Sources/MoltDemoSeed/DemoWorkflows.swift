import Foundation
import MoltClient
import MoltCore
import MoltPostgres

/// Workflows of every status. moltnetd's own (registrations, grants, signing requests) cover SUCCESS and
/// PENDING; an operator cancel makes CANCELLED; the rest are rows of a demo batch job (`demo.reindexEmbeddings`,
/// `demo.nightlyDigest`) written the way DBOS writes them, with steps, so each status can be shown.
struct DemoWorkflows {
    let pool: PostgresPool

    func seed(pendingSigning: SigningRequestID?) async throws {
        let client = DBOSWorkflowClient(pool: pool)
        if pendingSigning != nil {
            let pending = try await client.list(
                WorkflowListFilter(statuses: [.pending], name: "signingRequest", limit: 10))
            if let workflow = pending.workflows.first { try await client.cancel(workflow.workflowID) }
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let rows: [(String, String, String, String?, Int64)] = [
            (
                "demo-reindex-0001", "ERROR", "demo.reindexEmbeddings",
                #"{"name":"ReindexError","message":"model file missing: all-MiniLM-L6-v2/model.safetensors"}"#, 3
            ),
            ("demo-reindex-0002", "MAX_RECOVERY_ATTEMPTS_EXCEEDED", "demo.reindexEmbeddings", nil, 2),
            ("demo-digest-0001", "ENQUEUED", "demo.nightlyDigest", nil, 0),
            ("demo-digest-0002", "DELAYED", "demo.nightlyDigest", nil, 0),
            ("demo-digest-0003", "SUCCESS", "demo.nightlyDigest", nil, 4),
        ]
        for (index, row) in rows.enumerated() {
            let created = now - Int64(index + 1) * 3_600_000
            let finished = ["ERROR", "SUCCESS", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"].contains(row.1)
            let output: String? = row.1 == "SUCCESS" ? #"{"entries":42,"diaries":3}"# : nil
            try await pool.query(
                """
                INSERT INTO dbos.workflow_status (workflow_uuid, status, name, executor_id, created_at, updated_at,
                    application_version, queue_name, inputs, output, error, recovery_attempts, started_at_epoch_ms,
                    serialization)
                VALUES (\(row.0), \(row.1), \(row.2), \("demo-batch@lab"), \(created), \(created + 95_000),
                    \("demo-1"), \(row.1 == "ENQUEUED" ? "demo_batch" : nil as String?),
                    \(#"{"positionalArgs":[{"diaries":3}],"namedArgs":{}}"#), \(output), \(row.3),
                    \(row.1 == "MAX_RECOVERY_ATTEMPTS_EXCEEDED" ? 101 : 0), \(created + 1_000), \("portable_json"))
                ON CONFLICT (workflow_uuid) DO NOTHING
                """)
            if finished {
                _ = try? await pool.query(
                    "UPDATE dbos.workflow_status SET completed_at = \(created + 95_000) WHERE workflow_uuid = \(row.0)")
            }
            for step in 0..<Int(row.4) {
                let start = created + 1_000 + Int64(step) * 20_000
                let failed = row.1 == "ERROR" && step == Int(row.4) - 1
                try await pool.query(
                    """
                    INSERT INTO dbos.operation_outputs (workflow_uuid, function_id, function_name, output, error,
                        started_at_epoch_ms, completed_at_epoch_ms, serialization)
                    VALUES (\(row.0), \(step + 1), \(["loadDiaries", "embedEntries", "writeVectors", "report"][step % 4]),
                        \(failed ? nil as String? : #"{"ok":true}"#),
                        \(failed ? #"{"name":"ReindexError","message":"model file missing"}"# : nil as String?),
                        \(start), \(start + 4_000 + Int64(step) * 3_000), \("portable_json"))
                    ON CONFLICT DO NOTHING
                    """)
            }
        }
    }
}
