import Foundation
public import MoltCore
public import MoltServer

/// A real `moltnetd` application on 127.0.0.1 with ephemeral ports and its own migrated database.
public struct TestServer: Sendable {
    public let application: Application
    public let database: TestDatabase
    /// Log records the server wrote.
    public let logs: InMemoryLogSink

    /// The public API's base URL (`http://127.0.0.1:<port>`).
    public var baseURL: String { "http://127.0.0.1:\(application.port)" }
    /// The admin API's base URL.
    public var adminBaseURL: String { "http://127.0.0.1:\(application.adminPort)" }

    /// Starts a server on a fresh database, runs `body`, then shuts both down (also when `body` throws).
    /// At most a few servers run at once in a test process (`TestServerSlots`); later ones wait their turn.
    public static func with<T: Sendable>(
        configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (TestServer) async throws -> T
    ) async throws -> T {
        try await TestServerSlots.shared.withSlot { try await run(configure: configure, body) }
    }

    private static func run<T: Sendable>(
        configure: (inout ServerConfiguration) -> Void, _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let database = try await TestDatabase.create(migrations: ServerMigrations.all())
        let logs = InMemoryLogSink()
        var configuration = ServerConfiguration(
            http: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 2),
            adminHTTP: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 1),
            databaseURL: database.url, databaseConnections: 4, shutdownGraceSeconds: 5,
            rateLimits: RateLimits().scaled(by: 1000))
        // argon2id at libsodium's minimum cost: the suite hashes hundreds of secrets on two cores.
        configuration.identity.secretHashStrength = .minimum
        configure(&configuration)
        let application: Application
        do {
            application = try await Application.start(
                configuration: configuration, logger: Logger(label: "test", level: .debug, sink: logs))
        } catch {
            await database.drop()
            throw error
        }
        let server = TestServer(application: application, database: database, logs: logs)
        do {
            let value = try await body(server)
            await application.shutdown()
            await database.drop()
            return value
        } catch {
            await application.shutdown()
            await database.drop()
            throw error
        }
    }
}
