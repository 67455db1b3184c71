import MoltCommandLine
import Synchronization

/// A batch's "stop" flag, raised by SIGINT or SIGTERM. Unlike task cancellation it lets the requests already
/// sent finish, so the batch knows exactly what the server wrote before it undoes it: a cancelled request may
/// still be carried out by the server after its client gave up on it.
final class BatchInterruption: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Whether a signal arrived.
    var isRaised: Bool { raised.load(ordering: .acquiring) }

    func raise() { raised.store(true, ordering: .releasing) }

    /// Runs `body` with a flag that SIGINT and SIGTERM raise while it runs.
    static func watchingSignals<T: Sendable>(
        _ body: @escaping @Sendable (BatchInterruption) async throws -> T
    ) async throws -> T {
        let interruption = BatchInterruption()
        let watcher = SignalWatcher()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body(interruption) }
            group.addTask {
                if await watcher.next() != nil { interruption.raise() }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
            }
            throw CancellationError()
        }
    }
}

/// A batch stopped by SIGINT or SIGTERM.
struct BatchInterrupted: Error, CustomStringConvertible {
    var description: String { "interrupted" }
}
