import MoltPostgres

extension NotificationHub {
    /// Reads `read` until it returns a value or `deadline` (epoch ms) passes, sleeping between reads until a
    /// notification under `key`, an interruption of `running`, or `pollingInterval`.
    ///
    /// The signal is registered before the first read, so a notification sent between a read and the
    /// following sleep is never missed.
    func poll<T: Sendable>(
        key: String, until deadline: Int64, pollingInterval: Duration, running: RunningWorkflow?,
        _ read: () async throws -> T?
    ) async throws -> T? {
        let signal = WakeSignal()
        return try await watching(key, signal) {
            try await wakingIfPresent(running, signal) {
                while true {
                    signal.reset()
                    if let value = try await read() { return value }
                    try running?.checkInterrupted()
                    try Task.checkCancellation()
                    let remaining = deadline - SystemDatabase.nowMilliseconds()
                    guard remaining > 0 else { return nil }
                    try await signal.wait(timeout: min(.milliseconds(remaining), pollingInterval))
                }
            }
        }
    }

    private func wakingIfPresent<T>(
        _ running: RunningWorkflow?, _ signal: WakeSignal, _ body: () async throws -> T
    ) async throws -> T {
        guard let running else { return try await body() }
        return try await running.wakingOnInterrupt(signal, body)
    }
}
