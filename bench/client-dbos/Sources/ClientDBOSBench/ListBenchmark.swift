import Foundation
import MoltClient
import MoltCore
import MoltPostgres

/// Times ``DBOSWorkflowClient/list(_:)`` per filter, a walk through every page, and an OFFSET query.
struct ListBenchmark {
    let pool: PostgresPool
    let count: Int
    let repetitions = 30

    /// One measured query.
    struct Measurement {
        let label: String
        let rows: Int
        let medianMilliseconds: Double
        let p95Milliseconds: Double
        let plan: String
    }

    struct Results {
        var measurements: [Measurement] = []
        var walkPages = 0
        var walkSeconds = 0.0
        var walkWorstPageMilliseconds = 0.0
        var offsetMedianMilliseconds = 0.0
        /// ``DBOSWorkflowClient/statusCounts(_:)`` over the whole table (the console's status bar).
        var countsMedianMilliseconds = 0.0
        var countsP95Milliseconds = 0.0
    }

    func run() async throws -> Results {
        let client = DBOSWorkflowClient(pool: pool, statementTimeout: .seconds(30))
        let deepTime = BenchDatabase.base + Int64(count / 10) * 10
        let deep = WorkflowCursor(createdAtMilliseconds: deepTime, workflowID: "wf-~")
        let window = Date(timeIntervalSince1970: Double(BenchDatabase.base + Int64(count / 2) * 10) / 1000)
        let filters: [(String, WorkflowListFilter)] = [
            ("first page, newest first", WorkflowListFilter(limit: 50)),
            ("page at 90% depth (cursor)", WorkflowListFilter(limit: 50, after: deep)),
            ("first page without payloads", WorkflowListFilter(limit: 50, includePayloads: false)),
            ("status ERROR (9%)", WorkflowListFilter(statuses: [.error], limit: 50)),
            ("status PENDING (1%), at 90% depth", WorkflowListFilter(statuses: [.pending], limit: 50, after: deep)),
            ("name (10%)", WorkflowListFilter(name: "workflow_3", limit: 50)),
            ("queue (6.7%)", WorkflowListFilter(queueName: "queue_1", limit: 50)),
            (
                "10 s time window",
                WorkflowListFilter(createdFrom: window, createdBefore: window.addingTimeInterval(10), limit: 50)
            ),
            ("id prefix `wf-ab`", WorkflowListFilter(idPrefix: "wf-ab", limit: 50)),
        ]
        var results = Results()
        for (label, filter) in filters {
            results.measurements.append(try await measure(label, filter, client))
        }
        try await walk(client, into: &results)
        results.offsetMedianMilliseconds = try await offsetQuery()
        (results.countsMedianMilliseconds, results.countsP95Milliseconds) = try await statusCounts(client)
        return results
    }

    private func measure(_ label: String, _ filter: WorkflowListFilter, _ client: DBOSWorkflowClient) async throws
        -> Measurement
    {
        let clock = ContinuousClock()
        var rows = 0
        _ = try await client.list(filter)
        var timings: [Double] = []
        for _ in 0..<repetitions {
            let started = clock.now
            rows = try await client.list(filter).workflows.count
            timings.append((clock.now - started).milliseconds)
        }
        timings.sort()
        let plan = try await client.queryPlan(for: filter).split(separator: "\n")
            .filter { $0.contains("Scan") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ->")) }
            .map { $0.components(separatedBy: "  (cost").first ?? $0 }
            .filter { $0.contains("workflow_status") }.joined(separator: "; ")
        return Measurement(
            label: label, rows: rows, medianMilliseconds: timings[timings.count / 2],
            p95Milliseconds: timings[Int(Double(timings.count - 1) * 0.95)], plan: plan)
    }

    private func walk(_ client: DBOSWorkflowClient, into results: inout Results) async throws {
        let clock = ContinuousClock()
        var filter = WorkflowListFilter(limit: 500, includePayloads: false)
        let started = clock.now
        var seen = 0
        while true {
            let pageStarted = clock.now
            let page = try await client.list(filter)
            results.walkWorstPageMilliseconds = max(
                results.walkWorstPageMilliseconds, (clock.now - pageStarted).milliseconds)
            results.walkPages += 1
            seen += page.workflows.count
            guard let next = page.next else { break }
            filter.after = next
        }
        results.walkSeconds = (clock.now - started).seconds
        precondition(seen == count, "the walk saw \(seen) workflows, not \(count)")
    }

    /// The status counts the console's Workflows screen shows above the list, unfiltered.
    private func statusCounts(_ client: DBOSWorkflowClient) async throws -> (Double, Double) {
        let clock = ContinuousClock()
        _ = try await client.statusCounts()
        var timings: [Double] = []
        for _ in 0..<repetitions {
            let started = clock.now
            let counts = try await client.statusCounts()
            timings.append((clock.now - started).milliseconds)
            precondition(counts.values.reduce(0, +) == count, "the counts add up to \(counts.values.reduce(0, +))")
        }
        timings.sort()
        return (timings[timings.count / 2], timings[Int(Double(timings.count - 1) * 0.95)])
    }

    /// What an OFFSET reader runs for the same page at 90% depth.
    private func offsetQuery() async throws -> Double {
        let clock = ContinuousClock()
        let offset = count - count / 10
        var timings: [Double] = []
        for _ in 0..<repetitions {
            let started = clock.now
            try await pool.query(
                """
                SELECT workflow_uuid, status, name, created_at, inputs, output FROM dbos.workflow_status
                ORDER BY created_at DESC, workflow_uuid DESC LIMIT 50 OFFSET \(offset)
                """)
            timings.append((clock.now - started).milliseconds)
        }
        timings.sort()
        return timings[timings.count / 2]
    }
}
