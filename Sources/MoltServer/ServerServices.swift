import Foundation
import MoltCore
import MoltPostgres

/// Everything the routes call: the database, the clock, the logger and the domain services, created once at
/// start-up and shut down in reverse order.
struct ServerServices: Sendable {
    let configuration: ServerConfiguration
    let database: PostgresPool
    let logger: Logger
    let clock: @Sendable () -> Date
    let authenticator: any Authenticator

    static func start(
        configuration: ServerConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date
    ) async throws -> ServerServices {
        let database = PostgresPool(
            url: configuration.databaseURL, maximumConnections: configuration.databaseConnections,
            applicationName: "moltnetd")
        do {
            let applied = try await Migrator(migrations: ServerMigrations.all()).migrate(database)
            if !applied.isEmpty {
                logger.info(
                    "Applied database migrations.", ["db.migrations": applied.map(String.init).joined(separator: ",")])
            }
        } catch {
            await database.shutDown()
            throw error
        }
        return ServerServices(
            configuration: configuration, database: database, logger: logger, clock: clock,
            authenticator: NoTokensAuthenticator())
    }

    /// What `/.well-known/moltnet.json` and `/llms.txt` say about this deployment.
    var networkInfoSettings: NetworkInfoSettings {
        NetworkInfoSettings(
            baseURL: configuration.publicBaseURL, embeddingModel: "all-MiniLM-L6-v2", version: MoltVersion.current)
    }

    func shutdown() async {
        await database.shutDown()
    }
}

/// Accepts no token; in place until an OAuth2 provider is configured.
struct NoTokensAuthenticator: Authenticator {
    func caller(forBearer token: String) async throws -> Caller? { nil }
}
