import MoltCore

/// The public listener's routes: the MoltNet REST API, Hydra's public endpoints and the MCP endpoint, all on
/// one set of domain services.
struct PublicRoutes: Sendable {
    let services: ServerServices
    /// The rate-limit counters of the public listener, shared with the MCP tools' per-tool buckets.
    let limiter: RateLimiter

    func router() -> Router {
        let database = services.database
        let limits = services.configuration.rateLimits
        let diaries = DiaryRepository(database: database, pages: services.diaryPages)
        let agents = AgentKeyRepository(database: database)
        let signingRequests = SigningRequestRepository(database: database)
        let entries = EntryRepository(database: database, pages: services.diaryPages)
        let access = DiaryAccess(permissions: services.identity.permissions)
        let diaryService = DiaryService(diaries: diaries, access: access, grants: services.grants)
        let entryService = EntryService(
            diaries: diaryService, entries: entries, access: access, grants: services.grants,
            scanner: InjectionScanner(),
            textChanged: { [pipeline = services.embeddingPipeline] in await pipeline.enqueue($0) })
        let sharing = SharingService(
            diaries: diaries, shares: ShareRepository(database: database), agents: agents, access: access,
            grants: services.grants)
        let signing = SigningService(
            requests: signingRequests, workflow: services.signing, clock: services.clock,
            lifetimeSeconds: services.configuration.signingRequestLifetimeSeconds)
        let vouchers = VoucherService(vouchers: VoucherRepository(database: database), clock: services.clock)
        let directory = AgentDirectory(
            agents: agents, verifier: SignatureVerifier(agents: agents, requests: signingRequests))

        var router = Router()
        HealthController(database: database, clock: services.clock).register(in: &router)
        ProblemsController().register(in: &router)
        DiscoveryController(settings: services.networkInfoSettings).register(in: &router)
        OpenAPIController().register(in: &router)
        services.identity.registerPublicRoutes(in: &router)
        DiariesController(service: diaryService).register(in: &router)
        SharingController(service: sharing).register(in: &router)
        EntriesController(service: entryService).register(in: &router)
        VouchersController(service: vouchers, limits: limits).register(in: &router)
        AgentsController(directory: directory, limits: limits).register(in: &router)
        SigningController(service: signing, limits: limits).register(in: &router)
        let search = SearchService(
            search: SearchRepository(database: database), entries: entries, diaries: diaryService, access: access,
            embeddings: services.embeddings)
        let reflect = ReflectService(database: database, diaries: diaryService, clock: services.clock)
        SearchController(search: search, reflect: reflect, limits: limits).register(in: &router)
        RegistrationController(
            service: RegistrationService(
                workflow: services.registration, vouchers: VoucherRepository(database: database), agents: agents,
                oauth2: services.identity.oauth2, clock: services.clock)
        ).register(in: &router)
        let secrets = ServerSecrets(database: database)
        let configuredSecret = services.configuration.recoveryChallengeSecret
        RecoveryController(
            service: RecoveryService(
                database: database, agents: agents, identities: services.identity.identities,
                embeddedIdentities: services.identity.embeddedIdentities, oauth2: services.identity.oauth2,
                secret: {
                    if let configuredSecret { return Secret(configuredSecret) }
                    return try await secrets.secret(named: "recovery_challenge")
                },
                clock: services.clock),
            limits: limits
        ).register(in: &router)
        let publicFeed = PublicFeedRepository(database: database)
        let publicFeedService = PublicFeedService(feed: publicFeed, search: search)
        PublicFeedController(
            service: publicFeedService,
            stream: PublicFeedStreamer(feed: publicFeed, settings: services.configuration.publicFeedStream),
            limits: limits
        ).register(in: &router)

        let mcp = MCPDomain(
            diaries: diaryService, entries: entryService, signing: signing, vouchers: vouchers, agents: directory,
            search: search, reflect: reflect, publicFeed: publicFeedService,
            networkInfo: NetworkInfo(settings: services.networkInfoSettings))
        MCPEndpoint(
            domain: mcp, limits: MCPToolLimits(limits: limits, limiter: limiter),
            authenticator: services.identity.authenticator,
            allowedOrigins: services.configuration.corsOrigins, publicBaseURL: services.configuration.publicBaseURL
        ).register(in: &router)
        return router
    }
}

/// The admin listener's routes: health and the Ory-compatible admin APIs.
struct AdminRoutes: Sendable {
    let services: ServerServices

    func router() -> Router {
        var router = Router()
        HealthController(database: services.database, clock: services.clock).register(in: &router)
        services.identity.registerAdminRoutes(in: &router)
        return router
    }
}
