import MoltCommandLine

extension SignalWatcher {
    /// Runs `body`, cancelling it when SIGINT or SIGTERM arrives (it then throws `CancellationError`, or
    /// whatever the cancelled work throws), so a batch can undo what it did before the process exits.
    static func cancellingOnSignal<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let watcher = SignalWatcher()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                _ = await watcher.next()
                throw CancellationError()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw CancellationError() }
            return value
        }
    }
}
