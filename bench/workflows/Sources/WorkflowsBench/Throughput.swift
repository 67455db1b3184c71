import Foundation
import MoltCore
import MoltWorkflows

/// Starts `workflows` 3-step workflows, `concurrency` at a time, and measures completions per second.
struct Throughput {
    let url: String
    let workflows: Int
    let concurrency: Int

    func run() async throws {
        let engine = WorkflowEngine(
            databaseURL: url, configuration: BenchEngine.configuration(executorID: "moltnet-swift-bench"),
            logger: .disabled)
        let workflow = BenchEngine.register(engine)
        try await BenchEngine.running(engine) {
            try await batch(engine, workflow, prefix: "warmup", count: min(200, workflows))
            let clock = ContinuousClock()
            let started = clock.now
            try await batch(engine, workflow, prefix: "run", count: workflows)
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            BenchEngine.emit([
                "engine": "\"moltworkflows\"", "workflows": "\(workflows)", "concurrency": "\(concurrency)",
                "seconds": String(format: "%.3f", seconds),
                "workflows_per_second": String(format: "%.1f", Double(workflows) / seconds),
            ])
        }
    }

    private func batch(_ engine: WorkflowEngine, _ workflow: Workflow<Int, Int>, prefix: String, count: Int)
        async throws
    {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let n = next
                next += 1
                group.addTask {
                    let handle = try await engine.startWorkflow(workflow, input: n, id: "\(prefix)-\(n)")
                    let result = try await handle.getResult()
                    precondition(result == (n + 1) * 2 + 3, "wrong result")
                }
            }
            while next < min(concurrency, count) { add() }
            while try await group.next() != nil {
                if next < count { add() }
            }
        }
    }
}
