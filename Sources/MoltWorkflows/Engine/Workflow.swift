/// A workflow registered with a `WorkflowEngine`: its name, typed by its input and output.
///
/// Obtained from `WorkflowEngine.register(_:_:)` and passed to `startWorkflow`/`enqueueWorkflow`. The name
/// is what `workflow_status.name` holds and what recovery looks up, so it must stay stable across releases.
public struct Workflow<Input: Codable & Sendable, Output: Codable & Sendable>: Sendable, Hashable {
    public let name: String

    public init(name: String) {
        self.name = name
    }
}

/// A registered workflow body with its types erased: portable-JSON inputs in, portable-JSON output out.
struct RegisteredWorkflow: Sendable {
    let name: String
    let run: @Sendable (WorkflowContext, String?) async throws -> String

    init<Input: Codable & Sendable, Output: Codable & Sendable>(
        name: String, body: @escaping @Sendable (WorkflowContext, Input) async throws -> Output
    ) {
        self.name = name
        run = { context, inputs in
            let input = try PortableCoder.decodeInput(Input.self, from: inputs)
            return try PortableCoder.encode(try await body(context, input))
        }
    }
}
