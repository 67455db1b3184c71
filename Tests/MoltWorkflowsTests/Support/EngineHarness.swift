import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import MoltWorkflows
import Synchronization
import Testing

/// Runs engines on a test database the way a server does: `run()` in a task, `shutdown()` at the end.
enum EngineHarness {
    /// A configuration with a unique executor id and short polling intervals, so tests are quick.
    static func configuration(
        executorID: String = "test-" + UUID().uuidString.prefix(8).lowercased(), maxRecoveryAttempts: Int = 100
    ) -> WorkflowConfiguration {
        WorkflowConfiguration(
            executorID: executorID, applicationVersion: "moltnet-swift-tests-1",
            maxRecoveryAttempts: maxRecoveryAttempts,
            queuePollingInterval: .milliseconds(50), pollingInterval: .milliseconds(100), maximumConnections: 8)
    }

    /// Creates an engine, lets `setUp` register workflows, runs it while `body` runs, then shuts it down.
    static func withEngine<T: Sendable>(
        _ database: TestDatabase, configuration: WorkflowConfiguration = configuration(),
        setUp: (WorkflowEngine) -> Void = { _ in }, _ body: (WorkflowEngine) async throws -> T
    ) async throws -> T {
        let engine = WorkflowEngine(databaseURL: database.url, configuration: configuration, logger: .disabled)
        setUp(engine)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await engine.run() }
            do {
                let value = try await body(engine)
                await engine.shutdown()
                try await group.waitForAll()
                return value
            } catch {
                await engine.shutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    static func eventually(
        timeout: Duration = .seconds(10), _ condition: () async throws -> Bool
    ) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}

/// Counts side effects by name across engines (a stand-in for the outside world steps act on).
final class SideEffects: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ name: String) {
        counts.withLock { $0[name, default: 0] += 1 }
    }

    func count(_ name: String) -> Int {
        counts.withLock { $0[name] ?? 0 }
    }
}

/// A gate a step waits at until the test opens it; waiting ends with `CancellationError` on shutdown.
final class Gate: Sendable {
    private let state = Mutex((open: false, waiting: 0))

    func open() {
        state.withLock { $0.open = true }
    }

    var waiting: Int { state.withLock { $0.waiting } }

    func wait() async throws {
        state.withLock { $0.waiting += 1 }
        defer { state.withLock { $0.waiting -= 1 } }
        while !state.withLock({ $0.open }) {
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Reads a row of a DBOS table as a dictionary of raw column texts.
func dbosRow(_ pool: PostgresPool, _ sql: SQL) async throws -> [String: String?] {
    let result = try await pool.query(sql)
    guard let row = result.first else { return [:] }
    var values: [String: String?] = [:]
    for name in result.columnNames { values[name] = .some(row[name]) }
    return values
}
