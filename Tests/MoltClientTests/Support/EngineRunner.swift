import Foundation
import MoltClient
import MoltTestSupport
import MoltWorkflows
import Synchronization

/// Runs a MoltWorkflows engine on a test database while a test body runs, so the DBOS tables hold real
/// rows written by the engine.
enum EngineRunner {
    /// Registers workflows with `setUp`, runs the engine during `body`, then shuts it down.
    static func with<T: Sendable>(
        _ database: TestDatabase, setUp: (WorkflowEngine) -> Void = { _ in },
        _ body: (WorkflowEngine) async throws -> T
    ) async throws -> T {
        let configuration = WorkflowConfiguration(
            executorID: "client-tests-" + UUID().uuidString.prefix(8).lowercased(),
            applicationVersion: "moltnet-client-tests-1", queuePollingInterval: .milliseconds(50),
            pollingInterval: .milliseconds(100), maximumConnections: 6)
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
    static func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }
}

/// Counts how often each step body ran, across engines and replays.
final class StepCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ name: String) {
        counts.withLock { $0[name, default: 0] += 1 }
    }

    func count(_ name: String) -> Int {
        counts.withLock { $0[name] ?? 0 }
    }
}
