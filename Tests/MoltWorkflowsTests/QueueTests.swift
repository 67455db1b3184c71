import Foundation
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Synchronization
import Testing

/// Tracks how many workflows run at once. A step that enters waits (up to ten seconds) until `company` steps run
/// together or every one of `total` has started, so a limit that is reached is seen on a slow machine too.
private final class Concurrency: Sendable {
    private let state = Mutex((current: 0, peak: 0, entered: 0))
    private let company: Int
    private let total: Int

    init(company: Int = 1, total: Int = 0) {
        self.company = company
        self.total = total
    }

    func enter() async throws {
        state.withLock {
            $0.current += 1
            $0.entered += 1
            $0.peak = max($0.peak, $0.current)
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let satisfied = state.withLock { $0.current >= company || $0.entered >= total }
            if satisfied { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func leave() {
        state.withLock { $0.current -= 1 }
    }

    var peak: Int { state.withLock { $0.peak } }
}

@Suite("Queues")
struct QueueTests {
    private static func registerJob(_ engine: WorkflowEngine, _ concurrency: Concurrency, queue: WorkflowQueue) {
        engine.register(queue: queue)
        engine.register("job") { (context, n: Int) -> Int in
            try await context.step("work") {
                try await concurrency.enter()
                defer { concurrency.leave() }
                try await Task.sleep(for: .milliseconds(150))
                return n * 10
            }
        }
    }

    @Test("a queue's concurrency limit holds across two engines, and every workflow runs")
    func globalConcurrency() async throws {
        try await TestDatabase.with { database in
            let concurrency = Concurrency(company: 2, total: 6)
            let queue = WorkflowQueue(name: "molt_test_queue", concurrency: 2)
            let setUp = { (engine: WorkflowEngine) in Self.registerJob(engine, concurrency, queue: queue) }
            try await EngineHarness.withEngine(database, configuration: EngineHarness.configuration(), setUp: setUp) {
                first in
                try await EngineHarness.withEngine(
                    database, configuration: EngineHarness.configuration(), setUp: setUp
                ) { second in
                    var handles: [WorkflowHandle<Int>] = []
                    for n in 1...6 {
                        let engine = n.isMultiple(of: 2) ? first : second
                        handles.append(
                            try await engine.enqueueWorkflow(Workflow<Int, Int>(name: "job"), input: n, queue: queue))
                    }
                    var results: [Int] = []
                    for handle in handles { results.append(try await handle.getResult()) }
                    #expect(results == [10, 20, 30, 40, 50, 60])
                    let status = try await handles[0].getStatus()
                    #expect(status.queueName == "molt_test_queue")
                    #expect(status.recoveryAttempts == 1)
                }
            }
            #expect(concurrency.peak == 2)
            let executors = try await database.pool.query(
                "SELECT count(DISTINCT executor_id) AS n FROM dbos.workflow_status WHERE started_at_epoch_ms IS NOT NULL"
            )
            #expect(try executors.first?.decode("n", as: Int.self) ?? 0 >= 1)
        }
    }

    @Test("worker concurrency caps the workflows one engine runs from a queue")
    func workerConcurrency() async throws {
        try await TestDatabase.with { database in
            let concurrency = Concurrency()
            let queue = WorkflowQueue(name: "molt_test_serial", workerConcurrency: 1)
            try await EngineHarness.withEngine(
                database, setUp: { Self.registerJob($0, concurrency, queue: queue) }
            ) { (engine: WorkflowEngine) async throws in
                var handles: [WorkflowHandle<Int>] = []
                for n in 1...4 {
                    handles.append(
                        try await engine.enqueueWorkflow(Workflow<Int, Int>(name: "job"), input: n, queue: queue))
                }
                for handle in handles { _ = try await handle.getResult() }
            }
            #expect(concurrency.peak == 1)
        }
    }

    @Test("a deduplication id admits one queued workflow at a time")
    func deduplication() async throws {
        try await TestDatabase.with { database in
            let queue = WorkflowQueue(name: "molt_test_dedup")
            try await EngineHarness.withEngine(database) { (engine: WorkflowEngine) async throws in
                let job = Workflow<Int, Int>(name: "unregistered-here")
                _ = try await engine.enqueueWorkflow(job, input: 1, queue: queue, deduplicationID: "d")
                let error = await #expect(throws: WorkflowError.self) {
                    try await engine.enqueueWorkflow(job, input: 2, queue: queue, deduplicationID: "d")
                }
                #expect(error?.code == .idConflict)
            }
        }
    }
}
