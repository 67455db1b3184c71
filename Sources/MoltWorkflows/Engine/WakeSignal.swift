import Synchronization

/// A one-shot wake-up for a waiting task: `fire()` from anywhere ends the current or next `wait`.
///
/// `wait(timeout:)` returns early when fired (true) or after the timeout (false); it throws
/// `CancellationError` when its task is cancelled, so an engine shutdown stops every wait.
final class WakeSignal: Sendable {
    private struct State {
        var fired = false
        var continuation: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    init() {}

    func fire() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.fired = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume()
    }

    /// Clears a past `fire()` so the next `wait` blocks again.
    func reset() {
        state.withLock { $0.fired = false }
    }

    var isFired: Bool { state.withLock { $0.fired } }

    /// Waits until fired or `timeout` passes; returns whether it was fired.
    @discardableResult
    func wait(timeout: Duration) async throws -> Bool {
        guard timeout > .zero else { return isFired }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.waitFired() }
            await group.next()
            group.cancelAll()
        }
        try Task.checkCancellation()
        return isFired
    }

    private func waitFired() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.fired || Task.isCancelled { return true }
                    state.continuation = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.continuation = nil }
                return state.continuation
            }
            continuation?.resume()
        }
    }
}
