import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

/// With 100,000 workflows, every list query is an index scan: no OFFSET, no sequential scan of
/// `workflow_status`. (How fast it is, is measured by `bench/client-dbos`, not here.)
@Suite("DBOS workflow list on 100,000 workflows", .timeLimit(.minutes(3)))
struct DBOSWorkflowListPlanTests {
    static let count = 100_000
    static let base: Int64 = 1_771_000_000_000

    /// Inserts `count` workflows in one INSERT … SELECT: 90% SUCCESS, ids `wf-<md5>`, ten names, a fifth on
    /// queues, one every 10 ms; then ANALYZE.
    static func seed(_ pool: PostgresPool, count: Int = count) async throws {
        _ = try await DBOSSystemSchema.ensure(pool)
        try await pool.query(
            """
            INSERT INTO dbos.workflow_status (workflow_uuid, status, name, queue_name, created_at, updated_at,
                executor_id, application_version, serialization, inputs, output)
            SELECT 'wf-' || md5(i::text),
                CASE WHEN i % 100 = 0 THEN 'PENDING' WHEN i % 10 = 0 THEN 'ERROR' ELSE 'SUCCESS' END,
                'workflow_' || (i % 10), CASE WHEN i % 5 = 0 THEN 'queue_' || (i % 3) END,
                \(base) + i * 10, \(base) + i * 10 + 5, 'bench', 'v1', 'portable_json',
                '{"positionalArgs":[' || i || '],"namedArgs":{}}', '"done ' || i || '"'
            FROM generate_series(1, \(count)) i
            """)
        try await pool.query("ANALYZE dbos.workflow_status")
    }

    @Test("first pages, deep keyset pages and filtered pages use an index")
    func plans() async throws {
        try await TestDatabase.with { database in
            try await Self.seed(database.pool)
            let client = DBOSWorkflowClient(pool: database.pool)
            let deep = WorkflowCursor(createdAtMilliseconds: Self.base + 5_000 * 10, workflowID: "wf-~")
            let filters: [(String, WorkflowListFilter)] = [
                ("first page", WorkflowListFilter(limit: 50)),
                ("deep page", WorkflowListFilter(limit: 50, after: deep)),
                ("oldest first, deep", WorkflowListFilter(limit: 50, newestFirst: false, after: deep)),
                ("status", WorkflowListFilter(statuses: [.error], limit: 50)),
                ("rare status", WorkflowListFilter(statuses: [.pending], limit: 50, after: deep)),
                ("name", WorkflowListFilter(name: "workflow_3", limit: 50)),
                ("queue", WorkflowListFilter(queueName: "queue_1", limit: 50)),
                (
                    "time range",
                    WorkflowListFilter(
                        createdFrom: Date(timeIntervalSince1970: 1_771_000_100),
                        createdBefore: Date(timeIntervalSince1970: 1_771_000_200), limit: 50)
                ),
                ("id prefix", WorkflowListFilter(idPrefix: "wf-abc", limit: 50)),
            ]
            for (label, filter) in filters {
                let plan = try await client.queryPlan(for: filter)
                #expect(plan.contains("Index"), "\(label):\n\(plan)")
                #expect(!plan.contains("Seq Scan"), "\(label):\n\(plan)")
                #expect(!plan.contains("OFFSET") && !plan.contains("Offset"), "\(label)")
            }
            let first = try await client.list(WorkflowListFilter(limit: 3))
            #expect(
                first.workflows.map(\.createdAt.timeIntervalSince1970) == [
                    1_771_001_000, 1_771_000_999.99, 1_771_000_999.98,
                ])
            let page = try await client.list(WorkflowListFilter(limit: 2, after: deep))
            #expect(page.workflows.map(\.output?.json) == [.string("done 5000"), .string("done 4999")])
            let prefixed = try await client.list(WorkflowListFilter(idPrefix: "wf-abc", limit: 1000))
            let expected = try await database.pool.query(
                "SELECT count(*) AS n FROM dbos.workflow_status WHERE workflow_uuid LIKE 'wf-abc%'")
            #expect(prefixed.workflows.count == (try expected.first?.decode("n", as: Int.self)))
            #expect(prefixed.workflows.allSatisfy { $0.workflowID.hasPrefix("wf-abc") })
        }
    }
}
