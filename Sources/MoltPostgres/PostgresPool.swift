import Foundation
public import MoltCore

/// A bounded pool of connections to one database, lending each to one task at a time.
///
/// Connections open lazily up to `maximumConnections`; callers beyond that wait in order until one is
/// returned or `acquireTimeout` passes. A connection returned broken, or inside a transaction, is closed
/// instead of reused.
public actor PostgresPool {
    /// The connection URL (may hold a password: never log it).
    nonisolated let url: String
    /// The most connections open at once.
    public nonisolated let maximumConnections: Int
    /// How long a caller waits for a free connection before failing.
    public nonisolated let acquireTimeout: Duration
    nonisolated let applicationName: String
    nonisolated let blockingPool: BlockingPool

    private var idle: [PostgresConnection] = []
    private var openCount = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<PostgresConnection?, Never>)] = []
    private var nextWaiterID: UInt64 = 0
    private var isShutDown = false

    public init(
        url: String, maximumConnections: Int = 10, acquireTimeout: Duration = .seconds(30),
        applicationName: String = "moltnet", blockingPool: BlockingPool = .shared
    ) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.url = url
        self.maximumConnections = maximumConnections
        self.acquireTimeout = acquireTimeout
        self.applicationName = applicationName
        self.blockingPool = blockingPool
    }

    /// Lends a connection to `body` and takes it back afterwards, whatever `body` does.
    public nonisolated func withConnection<T: Sendable>(
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public nonisolated func query(_ sql: SQL) async throws -> PostgresResult {
        try await withConnection { try await $0.query(sql) }
    }

    /// Runs one statement on a pooled connection as that session's prepared statement (see
    /// `PostgresConnection.query(prepared:)`).
    @discardableResult
    public nonisolated func query(prepared sql: SQL) async throws -> PostgresResult {
        try await withConnection { try await $0.query(prepared: sql) }
    }

    /// Closes idle connections and fails waiting and future callers. Lent connections close on return.
    public func shutDown() {
        isShutDown = true
        idle.forEach { $0.close() }
        openCount -= idle.count
        idle.removeAll()
        let pending = waiters
        waiters.removeAll()
        pending.forEach { $0.continuation.resume(returning: nil) }
    }

    /// Connections currently open (lent plus idle), for readiness reports and tests.
    public var openConnections: Int { openCount }

    func acquire() async throws -> PostgresConnection {
        guard !isShutDown else { throw PostgresError(.pool, message: "the connection pool is shut down") }
        while let connection = idle.popLast() {
            if connection.isOpen { return connection }
            openCount -= 1
        }
        if openCount < maximumConnections {
            openCount += 1
            do {
                return try await PostgresConnection.connect(
                    to: url, applicationName: applicationName, blockingPool: blockingPool)
            } catch {
                openCount -= 1
                wakeNextWaiterToOpen()
                throw error
            }
        }
        return try await waitForConnection()
    }

    private func waitForConnection() async throws -> PostgresConnection {
        nextWaiterID += 1
        let id = nextWaiterID
        let timeout = acquireTimeout
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expireWaiter(id)
        }
        defer { timer.cancel() }
        let connection = await withCheckedContinuation { continuation in
            waiters.append((id, continuation))
        }
        if let connection { return connection }
        if isShutDown { throw PostgresError(.pool, message: "the connection pool is shut down") }
        if openCount < maximumConnections {
            return try await acquire()
        }
        throw PostgresError(
            .pool, message: "timed out after \(acquireTimeout) waiting for one of \(maximumConnections) connections")
    }

    private func expireWaiter(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: nil)
    }

    private func wakeNextWaiterToOpen() {
        guard !waiters.isEmpty else { return }
        waiters.removeFirst().continuation.resume(returning: nil)
    }

    func release(_ connection: PostgresConnection) {
        let reusable = !isShutDown && connection.isOpen && !connection.isInTransaction
        guard reusable else {
            connection.close()
            openCount -= 1
            wakeNextWaiterToOpen()
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }
}
