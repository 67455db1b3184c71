public import Foundation
public import MoltCore
import MoltPostgres

/// A running MoltNet server: the database pool (migrated at start), the services, the public listener and
/// the admin listener, wired to their routers. Tests start one on port 0 exactly as `moltnetd` does.
public final class Application: Sendable {
    public let configuration: ServerConfiguration
    let services: ServerServices
    private let publicServer: HTTPServer
    private let adminServer: HTTPServer

    /// Migrates the database, starts the services and both listeners.
    public static func start(
        configuration: ServerConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> Application {
        let services = try await ServerServices.start(configuration: configuration, logger: logger, clock: clock)
        let limiter = RateLimiter(window: configuration.rateLimits.window)
        let publicPipeline = RequestPipeline(
            router: PublicRoutes(services: services, limiter: limiter).router(),
            middleware: [
                SecurityHeadersMiddleware(), CORSMiddleware(allowedOrigins: configuration.corsOrigins),
                ProblemRenderingMiddleware(), CacheControlMiddleware(),
                MCPClientCredentialsMiddleware(exchange: ClientCredentialsExchange(oauth2: services.identity.oauth2)),
                AuthenticationMiddleware(authenticator: services.identity.authenticator),
                RateLimitMiddleware(limits: configuration.rateLimits, limiter: limiter),
            ],
            logger: logger.labelled("http"))
        let adminPipeline = RequestPipeline(
            router: AdminRoutes(services: services).router(), middleware: [ProblemRenderingMiddleware()],
            logger: logger.labelled("admin"))
        do {
            let publicServer = try HTTPServer(
                configuration: configuration.http, handler: publicPipeline.respond, rejector: RequestPipeline.reject)
            do {
                let adminServer = try HTTPServer(
                    configuration: configuration.adminHTTP, handler: adminPipeline.respond,
                    rejector: RequestPipeline.reject)
                return Application(
                    configuration: configuration, services: services, publicServer: publicServer,
                    adminServer: adminServer)
            } catch {
                await publicServer.shutdown(gracePeriod: .seconds(0))
                throw error
            }
        } catch {
            await services.shutdown()
            throw error
        }
    }

    private init(
        configuration: ServerConfiguration, services: ServerServices, publicServer: HTTPServer,
        adminServer: HTTPServer
    ) {
        self.configuration = configuration
        self.services = services
        self.publicServer = publicServer
        self.adminServer = adminServer
    }

    /// Identity, OAuth2 and permissions (embedded or Ory), for tests and tools in-process.
    public var identity: IdentityServices { services.identity }

    /// The bound port of the public API.
    public var port: UInt16 { publicServer.port }
    /// The bound port of the admin API.
    public var adminPort: UInt16 { adminServer.port }

    /// Stops accepting, lets requests in flight finish within the grace period, then stops the services.
    public func shutdown() async {
        let grace = Duration.seconds(configuration.shutdownGraceSeconds)
        async let publicDone: Void = publicServer.shutdown(gracePeriod: grace)
        async let adminDone: Void = adminServer.shutdown(gracePeriod: grace)
        _ = await (publicDone, adminDone)
        await services.shutdown()
    }
}
