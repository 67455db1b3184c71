public import MoltPostgres
import Synchronization

/// Reads and operates DBOS workflows straight from the DBOS system tables (schema `dbos`), the way the
/// `dbos workflow` CLI does: list (filters, keyset pages), get, steps, events, notifications; cancel,
/// resume, fork. Works on rows written by MoltWorkflows, DBOS Python or DBOS TypeScript.
///
/// ```swift
/// let workflows = DBOSWorkflowClient(pool: PostgresPool(url: databaseURL, maximumConnections: 2))
/// let page = try await workflows.list(WorkflowListFilter(statuses: [.pending], limit: 20))
/// let steps = try await workflows.steps(of: page.workflows[0].workflowID)
/// try await workflows.cancel(page.workflows[0].workflowID)
/// ```
///
/// The client probes `information_schema` once for the tables and columns that exist (see
/// ``DBOSSchemaLayout``) and builds each statement from them, so older schemas (DBOS TypeScript 4.8,
/// without `serialization` or `workflow_input`) read as well as DBOS 3.4's. Every statement runs in a
/// transaction with `statement_timeout` and `lock_timeout` set to ``statementTimeout``, read-only for reads.
/// The schema name is fixed to `dbos`.
public final class DBOSWorkflowClient: Sendable {
    /// The schema the DBOS tables live in.
    public static let schema = "dbos"
    /// The queue `resume` and `fork` enqueue on, which DBOS applications and MoltWorkflows engines poll.
    public static let internalQueue = "_dbos_internal_queue"

    /// The connections the client uses.
    public let pool: PostgresPool
    /// The longest any statement (or lock wait) may take.
    public let statementTimeout: Duration
    private let cachedLayout = Mutex<DBOSSchemaLayout?>(nil)

    /// A client on `pool` (any database holding the `dbos` schema).
    public init(pool: PostgresPool, statementTimeout: Duration = .seconds(5)) {
        self.pool = pool
        self.statementTimeout = statementTimeout
    }

    /// The tables and columns of the `dbos` schema, probed on first use.
    /// - Throws: ``DBOSWorkflowError`` `.schemaMissing` when there is no `dbos` schema.
    public func layout() async throws -> DBOSSchemaLayout {
        try await session(readOnly: true) { _, layout in layout }
    }

    /// Probes the schema again (after `dbos migrate` ran, for example).
    public func refreshLayout() async throws -> DBOSSchemaLayout {
        cachedLayout.withLock { $0 = nil }
        return try await layout()
    }

    /// Runs `body` in a transaction with the statement and lock timeouts, handing it the schema layout.
    func session<T: Sendable>(
        readOnly: Bool, _ body: (PostgresConnection, DBOSSchemaLayout) async throws -> T
    ) async throws -> T {
        let (seconds, attoseconds) = statementTimeout.components
        let milliseconds = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        return try await pool.withConnection { connection in
            try await connection.execute(
                script: (readOnly ? "BEGIN READ ONLY" : "BEGIN")
                    + "; SET LOCAL statement_timeout = \(milliseconds); SET LOCAL lock_timeout = \(milliseconds)")
            do {
                let value = try await body(connection, try await layout(on: connection))
                try await connection.query("COMMIT")
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK")
                throw error
            }
        }
    }

    private func layout(on connection: PostgresConnection) async throws -> DBOSSchemaLayout {
        if let cached = cachedLayout.withLock({ $0 }) { return cached }
        let layout = try await DBOSSchemaLayout.read(connection)
        guard layout.has("workflow_status") else {
            throw DBOSWorkflowError(.schemaMissing, message: "the database has no dbos.workflow_status table")
        }
        cachedLayout.withLock { $0 = layout }
        return layout
    }
}
