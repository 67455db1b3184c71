import Foundation
import MoltCore
import MoltPostgres
import MoltWorkflows

/// Leaves `workflows` 3-step workflows PENDING with their first step recorded (as a crashed executor
/// would), then measures how long a new engine with the same executor id takes to finish them all.
struct Recovery {
    let url: String
    let workflows: Int
    let executorID = "moltnet-swift-bench-recovery"

    func run() async throws {
        let pool = PostgresPool(url: url, maximumConnections: 2)
        try await DBOSSystemSchema.ensure(pool)
        try await seedPendingWorkflows(pool)
        let engine = WorkflowEngine(
            databaseURL: url, configuration: BenchEngine.configuration(executorID: executorID), logger: .disabled)
        BenchEngine.register(engine)
        let clock = ContinuousClock()
        let started = clock.now
        let (claimed, finished) = try await BenchEngine.running(engine) { () -> (Duration, Duration) in
            var claimed: Duration?
            while true {
                let counts = try await pool.query(
                    """
                    SELECT count(*) FILTER (WHERE status = 'SUCCESS') AS done,
                        count(*) FILTER (WHERE recovery_attempts = 2) AS claimed
                    FROM dbos.workflow_status WHERE executor_id = \(executorID)
                    """)
                let done = try counts.first?.decode("done", as: Int.self) ?? 0
                let taken = try counts.first?.decode("claimed", as: Int.self) ?? 0
                if claimed == nil, taken == workflows { claimed = clock.now - started }
                if done == workflows { return (claimed ?? clock.now - started, clock.now - started) }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        await pool.shutDown()
        BenchEngine.emit([
            "engine": "\"moltworkflows\"", "pending_workflows": "\(workflows)",
            "claimed_seconds": String(format: "%.3f", seconds(claimed)),
            "all_finished_seconds": String(format: "%.3f", seconds(finished)),
        ])
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// PENDING rows owned by `executorID` with step 1 recorded, written in two statements.
    private func seedPendingWorkflows(_ pool: PostgresPool) async throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await pool.query(
            """
            WITH rows AS (
                INSERT INTO dbos.workflow_status (
                    workflow_uuid, status, name, inputs, serialization, executor_id, application_version,
                    recovery_attempts, created_at, updated_at)
                SELECT 'pending-' || n, 'PENDING', \(BenchEngine.name),
                    '{"namedArgs":{},"positionalArgs":[' || n || ']}', 'portable_json', \(executorID),
                    'moltnet-swift-bench-1', 1, \(now), \(now)
                FROM generate_series(1, \(workflows)) AS n
                RETURNING workflow_uuid, inputs
            )
            INSERT INTO dbos.workflow_input (workflow_uuid, inputs) SELECT workflow_uuid, inputs FROM rows
            """)
        try await pool.query(
            """
            INSERT INTO dbos.operation_outputs (
                workflow_uuid, function_id, function_name, output, serialization, started_at_epoch_ms,
                completed_at_epoch_ms)
            SELECT 'pending-' || n, 1, 'step_one', (n + 1)::text, 'portable_json', \(now), \(now)
            FROM generate_series(1, \(workflows)) AS n
            """)
    }
}
