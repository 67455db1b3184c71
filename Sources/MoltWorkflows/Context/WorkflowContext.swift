import Foundation
import MoltCore
import Synchronization

/// What a workflow body uses to do durable work: steps, sleeps, messages and events.
///
/// Each call takes the next `function_id` (1, 2, 3…) and is recorded once in `dbos.operation_outputs`.
/// When a workflow runs again after a crash (recovery), a resume or a fork, recorded calls return their
/// recorded result without running again, so the body must call the same operations in the same order:
/// anything non-deterministic (time, randomness, I/O) belongs inside a step. Before each step the context
/// checks whether the workflow was cancelled (or timed out) and stops it if so.
public final class WorkflowContext: Sendable {
    /// The id of the running workflow (`workflow_status.workflow_uuid`).
    public let workflowID: String
    let running: RunningWorkflow
    let database: SystemDatabase
    let hub: NotificationHub

    private struct State {
        var lastFunctionID = 0
        var recorded: [Int: RecordedOperation]
    }

    private let state: Mutex<State>

    init(
        running: RunningWorkflow, recorded: [Int: RecordedOperation], database: SystemDatabase,
        hub: NotificationHub
    ) {
        workflowID = running.workflowID
        self.running = running
        self.database = database
        self.hub = hub
        state = Mutex(State(recorded: recorded))
    }

    /// Runs `body` as a step named `name`, once: its output (or, after the last retry, its error) is
    /// recorded, and a replay returns the recorded value instead of running `body` again.
    ///
    /// - Parameters:
    ///   - name: The step's name in `operation_outputs.function_name`; replay checks it matches.
    ///   - retry: How often and how patiently to retry when `body` throws.
    ///   - body: The work. Its result must be `Codable`; errors are recorded in portable form.
    /// - Returns: The step's result (recorded or fresh).
    /// - Throws: `WorkflowFailure` when the step failed (now or when first run), `WorkflowError.cancelled`
    ///   when the workflow was cancelled before the step, `CancellationError` on engine shutdown.
    public func step<T: Codable & Sendable>(
        _ name: String, retry: StepRetryPolicy = .none, _ body: () async throws -> T
    ) async throws -> T {
        let functionID = nextFunctionID()
        if let recorded = try replayed(functionID, name: name) {
            return try Self.result(T.self, of: recorded)
        }
        try await checkCancelled()
        let started = SystemDatabase.nowMilliseconds()
        var output: String?
        var failure: WorkflowFailure?
        for attempt in 1...retry.maxAttempts {
            do {
                output = try PortableCoder.encode(try await body())
                break
            } catch {
                try running.checkInterrupted()
                if attempt == retry.maxAttempts {
                    failure = WorkflowFailure(converting: error)
                } else {
                    try await pause(for: retry.backoff(beforeAttempt: attempt + 1))
                }
            }
        }
        let recorded = try await database.record(
            OperationRecord(
                workflowID: workflowID, functionID: functionID, functionName: name, output: output,
                error: failure.map(PortableCoder.encodeError), startedAt: started,
                completedAt: SystemDatabase.nowMilliseconds()))
        return try Self.result(T.self, of: recorded)
    }

    /// Runs a step whose body returns nothing; recorded with a `null` output.
    public func step(_ name: String, retry: StepRetryPolicy = .none, _ body: () async throws -> Void) async throws {
        let _: PortableJSON = try await step(name, retry: retry) {
            try await body()
            return PortableJSON.null
        }
    }

    func nextFunctionID() -> Int {
        state.withLock { state in
            state.lastFunctionID += 1
            return state.lastFunctionID
        }
    }

    /// The recorded operation at `functionID`, checked against the name the code now runs.
    func replayed(_ functionID: Int, name: String) throws -> RecordedOperation? {
        guard let recorded = state.withLock({ $0.recorded[functionID] }) else { return nil }
        guard recorded.functionName == name else {
            throw WorkflowError(
                .nondeterministic, workflowID: workflowID,
                message: "operation \(functionID) was recorded as \(recorded.functionName) but is now \(name)")
        }
        return recorded
    }

    /// Stops the workflow when it was cancelled here, cancelled in the table (another engine, the DBOS
    /// CLI), or when the engine is shutting down.
    func checkCancelled() async throws {
        try running.checkInterrupted()
        let status = try await database.workflowState(workflowID)
        if status == "CANCELLED" || status == "MAX_RECOVERY_ATTEMPTS_EXCEEDED" {
            running.interrupt(.cancelled)
            try running.checkInterrupted()
        }
    }

    /// Sleeps without recording anything, ending early (with an error) if the workflow is interrupted.
    func pause(for duration: Duration) async throws {
        let signal = WakeSignal()
        _ = try await running.wakingOnInterrupt(signal) {
            try await signal.wait(timeout: duration)
        }
        try running.checkInterrupted()
    }

    static func result<T: Decodable>(_ type: T.Type, of recorded: RecordedOperation) throws -> T {
        if let error = recorded.error { throw PortableCoder.decodeError(error) }
        return try PortableCoder.decode(T.self, from: recorded.output)
    }
}
