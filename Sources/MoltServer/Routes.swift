import MoltCore

/// The public listener's routes: the MoltNet REST API and Hydra's public endpoints.
struct PublicRoutes: Sendable {
    let services: ServerServices

    func router() -> Router {
        let database = services.database
        let limits = services.configuration.rateLimits
        let diaries = DiaryRepository(database: database)
        let agents = AgentKeyRepository(database: database)
        let signingRequests = SigningRequestRepository(database: database)
        let access = DiaryAccess(permissions: services.identity.permissions)
        let diaryService = DiaryService(diaries: diaries, access: access, grants: services.grants)
        let entryService = EntryService(
            diaries: diaryService, entries: EntryRepository(database: database), access: access,
            grants: services.grants, scanner: InjectionScanner(),
            textChanged: { [pipeline = services.embeddingPipeline] in await pipeline.enqueue($0) })
        let sharing = SharingService(
            diaries: diaries, shares: ShareRepository(database: database), agents: agents, access: access,
            grants: services.grants)
        let signing = SigningService(
            requests: signingRequests, workflow: services.signing, clock: services.clock,
            lifetimeSeconds: services.configuration.signingRequestLifetimeSeconds)

        var router = Router()
        HealthController(database: database, clock: services.clock).register(in: &router)
        ProblemsController().register(in: &router)
        DiscoveryController(settings: services.networkInfoSettings).register(in: &router)
        OpenAPIController().register(in: &router)
        services.identity.registerPublicRoutes(in: &router)
        DiariesController(service: diaryService).register(in: &router)
        SharingController(service: sharing).register(in: &router)
        EntriesController(service: entryService).register(in: &router)
        VouchersController(vouchers: VoucherRepository(database: database), clock: services.clock, limits: limits)
            .register(in: &router)
        AgentsController(
            agents: agents, verifier: SignatureVerifier(agents: agents, requests: signingRequests), limits: limits
        ).register(in: &router)
        SigningController(service: signing, limits: limits).register(in: &router)
        SearchController(
            search: SearchService(
                search: SearchRepository(database: database), entries: EntryRepository(database: database),
                diaries: diaryService, access: access, embeddings: services.embeddings),
            reflect: ReflectService(database: database, diaries: diaryService, clock: services.clock), limits: limits
        ).register(in: &router)
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
        PublicFeedController(
            feed: publicFeed,
            stream: PublicFeedStreamer(feed: publicFeed, settings: services.configuration.publicFeedStream)
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
