import Foundation
import MoltCore
import MoltWorkflows

/// The benchmark's workflow: three steps, each a small computation recorded in `operation_outputs`.
enum BenchEngine {
    static let name = "bench_three_steps"

    @discardableResult
    static func register(_ engine: WorkflowEngine) -> Workflow<Int, Int> {
        engine.register(name) { (context, n: Int) -> Int in
            let a = try await context.step("step_one") { n + 1 }
            let b = try await context.step("step_two") { a * 2 }
            return try await context.step("step_three") { b + 3 }
        }
    }

    static func configuration(executorID: String) -> WorkflowConfiguration {
        WorkflowConfiguration(
            executorID: executorID, applicationVersion: "moltnet-swift-bench-1", maximumConnections: 16)
    }

    /// Runs `engine` while `body` runs, then shuts it down.
    static func running<T: Sendable>(_ engine: WorkflowEngine, _ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await engine.run() }
            do {
                let value = try await body()
                await engine.shutdown()
                try await group.waitForAll()
                return value
            } catch {
                await engine.shutdown()
                throw error
            }
        }
    }

    static func emit(_ fields: [String: String]) {
        let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        print("{\(body)}")
    }
}
