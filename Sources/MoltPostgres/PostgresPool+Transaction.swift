extension PostgresPool {
    /// Runs `body` inside BEGIN … COMMIT on one connection; any error rolls back and is rethrown.
    ///
    /// With `retryingSerializationFailures`, a transaction that fails with SQLSTATE 40001/40P01 runs again,
    /// up to that many extra times, so `body` must be safe to repeat.
    public nonisolated func withTransaction<T: Sendable>(
        isolation: TransactionIsolation = .readCommitted,
        retryingSerializationFailures retries: Int = 0,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await withConnection { connection in
                    try await connection.transaction(isolation: isolation, body)
                }
            } catch let error as PostgresError where error.isRetryableTransactionFailure && attempt < retries {
                attempt += 1
            }
        }
    }
}

extension PostgresConnection {
    /// Runs `body` inside BEGIN … COMMIT on this connection; any error rolls back and is rethrown.
    public func transaction<T: Sendable>(
        isolation: TransactionIsolation = .readCommitted,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await query(isolation.beginStatement)
        do {
            let value = try await body(self)
            try await query("COMMIT")
            return value
        } catch {
            // A rollback failure (a lost connection) leaves the session unusable; the pool discards it.
            _ = try? await query("ROLLBACK")
            throw error
        }
    }
}

/// The isolation level a transaction runs at.
public enum TransactionIsolation: Sendable {
    case readCommitted
    case repeatableRead
    case serializable

    var beginStatement: SQL {
        switch self {
        case .readCommitted: "BEGIN ISOLATION LEVEL READ COMMITTED"
        case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
        }
    }
}
