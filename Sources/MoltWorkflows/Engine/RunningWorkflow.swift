import MoltCore
import Synchronization

/// How a local execution of a workflow ended.
enum ExecutionOutcome: Sendable {
    /// SUCCESS, with the recorded output.
    case success(String)
    /// ERROR, with the recorded error.
    case failure(WorkflowFailure)
    /// CANCELLED (by a cancel or its timeout).
    case cancelled
    /// Stopped without a final status (engine shutdown, lost database): still PENDING, recovered later.
    case interrupted
}

/// Why a workflow is being stopped from outside its code.
enum InterruptionReason: Sendable, Equatable {
    case cancelled
    case timedOut
}

/// A workflow executing in this engine: its interruption flag, the waits to wake when it is interrupted,
/// and the callers awaiting its outcome.
final class RunningWorkflow: Sendable {
    private struct State {
        var reason: InterruptionReason?
        var signals: [ObjectIdentifier: WakeSignal] = [:]
        var outcome: ExecutionOutcome?
        var awaiting: [CheckedContinuation<ExecutionOutcome, Never>] = []
    }

    let workflowID: String
    private let state = Mutex(State())

    init(workflowID: String) {
        self.workflowID = workflowID
    }

    /// Marks the workflow interrupted and wakes its durable waits.
    func interrupt(_ reason: InterruptionReason) {
        let signals = state.withLock { state -> [WakeSignal] in
            if state.reason == nil { state.reason = reason }
            return Array(state.signals.values)
        }
        signals.forEach { $0.fire() }
    }

    var interruption: InterruptionReason? { state.withLock { $0.reason } }

    /// Throws `WorkflowError.cancelled` once interrupted, and `CancellationError` on engine shutdown.
    func checkInterrupted() throws {
        try Task.checkCancellation()
        if let reason = interruption {
            let message = reason == .timedOut ? "the workflow's timeout passed" : "the workflow was cancelled"
            throw WorkflowError(.cancelled, workflowID: workflowID, message: message)
        }
    }

    /// Registers `signal` so an interruption wakes it, for the duration of `body`.
    func wakingOnInterrupt<T>(_ signal: WakeSignal, _ body: () async throws -> T) async rethrows -> T {
        let alreadyInterrupted = state.withLock { state -> Bool in
            state.signals[ObjectIdentifier(signal)] = signal
            return state.reason != nil
        }
        if alreadyInterrupted { signal.fire() }
        defer { _ = state.withLock { $0.signals.removeValue(forKey: ObjectIdentifier(signal)) } }
        return try await body()
    }

    /// Waits for the local execution's outcome.
    func outcome() async -> ExecutionOutcome {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> ExecutionOutcome? in
                if let outcome = state.outcome { return outcome }
                state.awaiting.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Publishes the outcome to every caller awaiting it.
    func finish(_ outcome: ExecutionOutcome) {
        let awaiting = state.withLock { state -> [CheckedContinuation<ExecutionOutcome, Never>] in
            state.outcome = outcome
            defer { state.awaiting = [] }
            return state.awaiting
        }
        awaiting.forEach { $0.resume(returning: outcome) }
    }
}
