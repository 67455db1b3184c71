import Foundation
import MoltPostgres
import MoltTestSupport
import Testing

private struct Abort: Error {}

@Suite("Transactions")
struct TransactionTests {
    @Test("commit keeps every write; an error rolls back every write")
    func commitAndRollback() async throws {
        try await TestDatabase.with { database in
            let pool = database.pool
            try await pool.query("CREATE TABLE t (n int)")
            try await pool.withTransaction { connection in
                try await connection.query("INSERT INTO t VALUES (\(1))")
                try await connection.query("INSERT INTO t VALUES (\(2))")
            }
            await #expect(throws: Abort.self) {
                try await pool.withTransaction { connection in
                    try await connection.query("INSERT INTO t VALUES (\(3))")
                    throw Abort()
                }
            }
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    try await connection.query("INSERT INTO t VALUES (\(4))")
                    try await connection.query("INSERT INTO t VALUES (\("not a number"))")
                }
            }
            let rows = try await pool.query("SELECT n FROM t ORDER BY n").rows
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1, 2])
        }
    }

    @Test("serialization failures are retried when asked")
    func retry() async throws {
        try await TestDatabase.with { database in
            let pool = database.pool
            try await pool.query("CREATE TABLE counter (n int)")
            try await pool.query("INSERT INTO counter VALUES (0)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await pool.withTransaction(isolation: .serializable, retryingSerializationFailures: 50) {
                            connection in
                            let n = try await connection.query("SELECT n FROM counter").first!.decode("n", as: Int.self)
                            try await connection.query("UPDATE counter SET n = \(n + 1)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let total = try await pool.query("SELECT n FROM counter").first?.decode("n", as: Int.self)
            #expect(total == 6)
        }
    }
}

@Suite("Connection pool")
struct PostgresPoolTests {
    @Test("never opens more than its maximum, and queued callers all get served")
    func bounded() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresPool(url: database.url, maximumConnections: 3)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await pool.query("SELECT pg_sleep(0.02)") }
                }
                try await group.waitForAll()
            }
            #expect(await pool.openConnections <= 3)
            let backends = try await database.pool.query(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = \(database.name) AND application_name = 'moltnet'"
            ).first?.decode("n", as: Int.self)
            #expect((backends ?? 0) <= 3 + 1)
            await pool.shutDown()
        }
    }

    @Test("a caller waiting longer than the acquire timeout gets a .pool error")
    func acquireTimeout() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresPool(url: database.url, maximumConnections: 1, acquireTimeout: .milliseconds(200))
            let (held, holding) = AsyncStream.makeStream(of: Void.self)
            let (released, release) = AsyncStream.makeStream(of: Void.self)
            // The only connection is held until the waiter has timed out, however slow the machine.
            let holder = Task {
                try await pool.withConnection { connection in
                    holding.yield()
                    for await _ in released { break }
                    _ = try await connection.query("SELECT 1")
                }
            }
            for await _ in held { break }
            let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            #expect(error?.code == .pool)
            release.yield()
            _ = try await holder.value
            #expect(try await pool.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
            await pool.shutDown()
            await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        }
    }

    @Test("a connection returned inside a transaction is discarded, not reused mid-transaction")
    func discardsDirtyConnection() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresPool(url: database.url, maximumConnections: 1)
            try await pool.withConnection { connection in
                _ = try await connection.query("BEGIN")
            }
            let inTransaction = try await pool.withConnection { $0.isInTransaction }
            #expect(!inTransaction)
            await pool.shutDown()
        }
    }
}
