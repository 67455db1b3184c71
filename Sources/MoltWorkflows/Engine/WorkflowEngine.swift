public import MoltCore
import MoltPostgres
import Synchronization

/// A durable workflow engine that keeps its state in the DBOS system tables (`dbos` schema, version 125),
/// so DBOS's own tools (`dbos workflow list/steps/cancel/resume/fork`) read and operate MoltNet's workflows.
///
/// Register workflows and queues, then run the engine as a long-running service:
/// ```swift
/// let engine = WorkflowEngine(databaseURL: url, logger: logger)
/// let greet = engine.register("greet") { (context, name: String) -> String in
///     let greeting = try await context.step("compose") { "hello, \(name)" }
///     try await context.step("deliver") { try await mailer.send(greeting) }
///     return greeting
/// }
/// // in the service group: try await engine.run()
/// let handle = try await engine.startWorkflow(greet, input: "ada", id: "greet-ada")
/// let greeting = try await handle.getResult()
/// ```
/// `run()` creates the schema when it is missing, listens for notifications, recovers this executor's
/// PENDING workflows (replaying their recorded steps), dispatches queues, and executes workflows until the
/// task running it is cancelled or `shutdown()` is called. Workflows interrupted by a shutdown stay PENDING
/// and are recovered by the next engine with the same executor id and application version.
///
/// Never start a workflow inside an application database transaction: the workflow row is written on the
/// engine's own connection and commits at once, so a rollback of the caller's transaction would leave a
/// workflow running for work that never happened. Commit first, then start the workflow (with an id derived
/// from the committed row, so a retried request finds the same workflow).
public final class WorkflowEngine: Sendable {
    /// The identity and polling settings.
    public let configuration: WorkflowConfiguration
    let databaseURL: String
    let pool: PostgresPool
    let database: SystemDatabase
    let hub = NotificationHub()
    let dispatcherSignal = WakeSignal()
    let logger: Logger
    let state = Mutex(EngineState())

    /// Creates an engine on the database at `databaseURL` (the DBOS system database; MoltNet uses its
    /// main database). The engine opens its own pool and its own LISTEN connection.
    public init(databaseURL: String, configuration: WorkflowConfiguration = .init(), logger: Logger) {
        self.databaseURL = databaseURL
        self.configuration = configuration
        self.logger = logger.with(["workflow.executor_id": configuration.executorID])
        pool = PostgresPool(
            url: databaseURL, maximumConnections: configuration.maximumConnections,
            applicationName: "moltnet-workflows")
        database = SystemDatabase(pool: pool, configuration: configuration)
    }

    /// Registers a workflow under `name` and returns its typed reference.
    ///
    /// Register every workflow before `run()`, so recovery finds the bodies of the workflows it resumes.
    /// The body receives the context for durable operations and the decoded input.
    @discardableResult
    public func register<Input: Codable & Sendable, Output: Codable & Sendable>(
        _ name: String, _ body: @escaping @Sendable (WorkflowContext, Input) async throws -> Output
    ) -> Workflow<Input, Output> {
        let registered = RegisteredWorkflow(name: name, body: body)
        state.withLock { $0.registry[name] = registered }
        return Workflow(name: name)
    }

    /// Registers a queue this engine dispatches. Register before `run()`.
    public func register(queue: WorkflowQueue) {
        state.withLock { $0.queues[queue.name] = queue }
    }

    /// The names of the registered workflows.
    public var registeredWorkflowNames: [String] {
        state.withLock { Array($0.registry.keys).sorted() }
    }

    /// Workflows executing in this engine right now.
    public var runningWorkflowIDs: [String] {
        state.withLock { Array($0.running.keys).sorted() }
    }
}
