import MoltCore

/// The public listener's routes: the MoltNet REST API.
struct PublicRoutes: Sendable {
    let services: ServerServices

    func router() -> Router {
        var router = Router()
        HealthController(database: services.database, clock: services.clock).register(in: &router)
        ProblemsController().register(in: &router)
        DiscoveryController(settings: services.networkInfoSettings).register(in: &router)
        OpenAPIController().register(in: &router)
        return router
    }
}

/// The admin listener's routes: health and the Ory-compatible admin APIs.
struct AdminRoutes: Sendable {
    let services: ServerServices

    func router() -> Router {
        var router = Router()
        HealthController(database: services.database, clock: services.clock).register(in: &router)
        return router
    }
}
