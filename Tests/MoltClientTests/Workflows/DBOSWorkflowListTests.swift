import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Testing

/// Filters and keyset pages of ``DBOSWorkflowClient/list(_:)`` against a plain SQL reading of the same rows.
@Suite("DBOS workflow list: filters, keyset pages, timeouts", .timeLimit(.minutes(2)))
struct DBOSWorkflowListTests {
    /// One row as the test wrote it.
    struct Row: Sendable {
        let id: String
        let status: String
        let name: String
        let queue: String?
        let createdAt: Int64
        let application: String?
        let executor: String
    }

    static let base: Int64 = 1_771_000_000_000

    /// 253 workflows: three per creation millisecond (ties ordered by id), five statuses, two names, every
    /// third on a queue, mixed applications (some unclaimed), and ids with LIKE wildcards in them.
    static func seed(_ pool: PostgresPool) async throws -> [Row] {
        _ = try await DBOSSystemSchema.ensure(pool)
        try await pool.query(
            """
            INSERT INTO dbos.workflow_status (workflow_uuid, status, name, queue_name, created_at, updated_at,
                application_name, executor_id)
            SELECT 'wf-' || lpad(i::text, 4, '0'), (ARRAY['SUCCESS','ERROR','PENDING','ENQUEUED','CANCELLED'])[1 + i % 5],
                CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END, CASE WHEN i % 3 = 0 THEN 'q3' END,
                \(base) + (i / 3) * 1000, \(base),
                CASE WHEN i % 4 = 0 THEN 'app-a' WHEN i % 4 = 1 THEN 'app-b' END, 'exec-' || (i % 2)
            FROM generate_series(1, 250) i
            """)
        try await pool.query(
            """
            INSERT INTO dbos.workflow_status (workflow_uuid, status, name, created_at, updated_at, executor_id)
            VALUES ('pre_x-1', 'SUCCESS', 'odd', \(base), \(base), 'exec-1'),
                ('preAx-2', 'SUCCESS', 'odd', \(base), \(base), 'exec-1'),
                ('pre%y-3', 'SUCCESS', 'odd', \(base), \(base), 'exec-1')
            """)
        let result = try await pool.query(
            "SELECT workflow_uuid, status, name, queue_name, created_at, application_name, executor_id FROM dbos.workflow_status"
        )
        return try result.rows.map { row in
            Row(
                id: try row.decode("workflow_uuid"), status: try row.decode("status"), name: try row.decode("name"),
                queue: try row.decode("queue_name", as: String?.self), createdAt: try row.decode("created_at"),
                application: try row.decode("application_name", as: String?.self),
                executor: try row.decode("executor_id"))
        }
    }

    /// Every id `filter` lists, following `next` page by page.
    static func listAll(_ client: DBOSWorkflowClient, _ filter: WorkflowListFilter) async throws -> [String] {
        var filter = filter
        var ids: [String] = []
        var pages = 0
        while true {
            let page = try await client.list(filter)
            #expect(page.workflows.count <= filter.limit)
            ids += page.workflows.map(\.workflowID)
            pages += 1
            guard let next = page.next, pages < 100 else { break }
            #expect(page.workflows.count == filter.limit)
            filter.after = next
        }
        return ids
    }

    /// The ids of `rows` matching `include`, in the list's order.
    static func expected(_ rows: [Row], newestFirst: Bool = true, _ include: (Row) -> Bool) -> [String] {
        let sorted = rows.filter(include).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map(\.id)
        return newestFirst ? sorted.reversed() : sorted
    }

    @Test("keyset pages cover every matching row once, in order, under every filter")
    func filtersAndPages() async throws {
        try await TestDatabase.with { database in
            let rows = try await Self.seed(database.pool)
            let client = DBOSWorkflowClient(pool: database.pool)
            // C.UTF-8 orders by code point: id prefixes become primary key ranges (plus the LIKE).
            #expect(try await client.layout().codePointIDOrder)
            let window = (Date(epochMs: Self.base + 20_000), Date(epochMs: Self.base + 40_000))
            let cases: [(String, WorkflowListFilter, (Row) -> Bool)] = [
                ("everything", WorkflowListFilter(limit: 40), { _ in true }),
                (
                    "statuses", WorkflowListFilter(statuses: [.pending, .enqueued], limit: 17),
                    {
                        ["PENDING", "ENQUEUED"].contains($0.status)
                    }
                ),
                ("name", WorkflowListFilter(name: "odd", limit: 33), { $0.name == "odd" }),
                ("queue", WorkflowListFilter(queueName: "q3", limit: 9), { $0.queue == "q3" }),
                (
                    "time range", WorkflowListFilter(createdFrom: window.0, createdBefore: window.1, limit: 7),
                    {
                        $0.createdAt >= Self.base + 20_000 && $0.createdAt < Self.base + 40_000
                    }
                ),
                ("prefix", WorkflowListFilter(idPrefix: "wf-01", limit: 30), { $0.id.hasPrefix("wf-01") }),
                ("literal underscore", WorkflowListFilter(idPrefix: "pre_"), { $0.id == "pre_x-1" }),
                ("literal percent", WorkflowListFilter(idPrefix: "pre%"), { $0.id == "pre%y-3" }),
                (
                    "application", WorkflowListFilter(applicationName: "app-a", limit: 50),
                    {
                        $0.application == "app-a" || $0.application == nil
                    }
                ),
                (
                    "executor and status", WorkflowListFilter(statuses: [.success], executorID: "exec-0", limit: 5),
                    {
                        $0.executor == "exec-0" && $0.status == "SUCCESS"
                    }
                ),
            ]
            for (label, filter, include) in cases {
                let listed = try await Self.listAll(client, filter)
                #expect(listed == Self.expected(rows, include), "\(label)")
                var oldest = filter
                oldest.newestFirst = false
                let ascending = try await Self.listAll(client, oldest)
                #expect(ascending == Self.expected(rows, newestFirst: false, include), "\(label), oldest first")
            }
            let one = try await client.list(WorkflowListFilter(limit: 1))
            let cursor = try #require(one.next)
            #expect(WorkflowCursor(cursor.description) == cursor)
            #expect(cursor.description == "\(Self.base + 83_000):wf-0250")
            #expect(WorkflowCursor("nonsense") == nil)
        }
    }

    @Test("a page size outside 1…1000 and a database without the dbos schema are refused")
    func refusals() async throws {
        try await TestDatabase.with { database in
            let client = DBOSWorkflowClient(pool: database.pool)
            let missing = await #expect(throws: DBOSWorkflowError.self) { _ = try await client.list() }
            #expect(missing?.code == .schemaMissing)
            _ = try await DBOSSystemSchema.ensure(database.pool)
            #expect(try await client.refreshLayout().has("workflow_input", "inputs"))
            for limit in [0, 1001] {
                let error = await #expect(throws: DBOSWorkflowError.self) {
                    _ = try await client.list(WorkflowListFilter(limit: limit))
                }
                #expect(error?.code == .invalidArgument)
            }
            #expect(try await client.list(WorkflowListFilter(limit: 1000)).workflows.isEmpty)
        }
    }

    @Test("queries stop at the statement timeout instead of waiting on a lock")
    func statementTimeout() async throws {
        try await TestDatabase.with { database in
            _ = try await DBOSSystemSchema.ensure(database.pool)
            let client = DBOSWorkflowClient(pool: database.pool, statementTimeout: .milliseconds(200))
            _ = try await client.layout()
            let locker = try await PostgresConnection.connect(to: database.url)
            defer { locker.close() }
            try await locker.execute(script: "BEGIN; LOCK TABLE dbos.workflow_status IN ACCESS EXCLUSIVE MODE")
            let clock = ContinuousClock()
            let started = clock.now
            let error = await #expect(throws: PostgresError.self) { _ = try await client.list() }
            #expect(clock.now - started < .seconds(5))
            #expect(["57014", "55P03"].contains(error?.sqlState ?? ""))
            let cancel = await #expect(throws: PostgresError.self) { _ = try await client.cancel("any") }
            #expect(["57014", "55P03"].contains(cancel?.sqlState ?? ""))
            try await locker.execute(script: "ROLLBACK")
            #expect(try await client.list().workflows.isEmpty)
        }
    }
}

extension Date {
    init(epochMs: Int64) {
        self.init(timeIntervalSince1970: Double(epochMs) / 1000)
    }
}
