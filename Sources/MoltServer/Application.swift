public import Foundation
public import MoltCore
import MoltPostgres
import Synchronization

/// A running MoltNet server: the database pool (migrated at start), the public listener and the admin
/// listener, wired to their routers. Tests start one on port 0 exactly as `moltnetd` does.
public final class Application: Sendable {
    public let configuration: ServerConfiguration
    /// Identity, OAuth2 and permissions (embedded or Ory), for the REST layer and tests.
    public let identity: IdentityServices
    let logger: Logger
    let database: PostgresPool
    private let publicServer: HTTPServer
    private let adminServer: HTTPServer

    /// Migrates the database and starts both listeners.
    public static func start(
        configuration: ServerConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> Application {
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
        let identity = IdentityServices(
            configuration: configuration.identity, database: database, publicBaseURL: configuration.publicBaseURL,
            clock: clock, logger: logger.labelled("identity"))
        logger.info("Identity services configured.", ["identity.services": configuration.identity.summary])
        let routes = Routes(database: database, clock: clock, configuration: configuration, identity: identity)
        do {
            let publicServer = try HTTPServer(
                configuration: configuration.http,
                handler: RequestPipeline(router: routes.publicRouter(), logger: logger.labelled("http")).respond,
                rejector: RequestPipeline.reject)
            let adminServer: HTTPServer
            do {
                adminServer = try HTTPServer(
                    configuration: configuration.adminHTTP,
                    handler: RequestPipeline(router: routes.adminRouter(), logger: logger.labelled("admin")).respond,
                    rejector: RequestPipeline.reject)
            } catch {
                await publicServer.shutdown(gracePeriod: .zero)
                throw error
            }
            return Application(
                configuration: configuration, identity: identity, logger: logger, database: database,
                publicServer: publicServer, adminServer: adminServer)
        } catch {
            await database.shutDown()
            throw error
        }
    }

    private init(
        configuration: ServerConfiguration, identity: IdentityServices, logger: Logger, database: PostgresPool,
        publicServer: HTTPServer, adminServer: HTTPServer
    ) {
        self.configuration = configuration
        self.identity = identity
        self.logger = logger
        self.database = database
        self.publicServer = publicServer
        self.adminServer = adminServer
    }

    /// The bound port of the public API.
    public var port: UInt16 { publicServer.port }
    /// The bound port of the admin API.
    public var adminPort: UInt16 { adminServer.port }

    /// Stops accepting, lets requests in flight finish within the grace period, then closes the pool.
    public func shutdown() async {
        let grace = Duration.seconds(configuration.shutdownGraceSeconds)
        async let publicDone: Void = publicServer.shutdown(gracePeriod: grace)
        async let adminDone: Void = adminServer.shutdown(gracePeriod: grace)
        _ = await (publicDone, adminDone)
        await database.shutDown()
    }
}

/// Builds the routers of both listeners from the services.
struct Routes: Sendable {
    let database: PostgresPool
    let clock: @Sendable () -> Date
    let configuration: ServerConfiguration
    let identity: IdentityServices

    func publicRouter() -> Router {
        var router = Router()
        HealthController(database: database, clock: clock).register(in: &router)
        identity.registerPublicRoutes(in: &router)
        return router
    }

    func adminRouter() -> Router {
        var router = Router()
        HealthController(database: database, clock: clock).register(in: &router)
        identity.registerAdminRoutes(in: &router)
        return router
    }
}
