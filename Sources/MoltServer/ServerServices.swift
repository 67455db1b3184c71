import Foundation
import MoltCore
import MoltPostgres
import MoltWorkflows

/// Everything the routes call, created once at start-up and shut down in reverse order: the database, the
/// identity services, the workflow engine with its registered workflows, and the domain services.
struct ServerServices: Sendable {
    let configuration: ServerConfiguration
    let database: PostgresPool
    let logger: Logger
    let clock: @Sendable () -> Date
    let identity: IdentityServices
    let workflows: WorkflowEngine
    let grants: PermissionWorkflows
    let signing: SigningWorkflow
    let registration: RegistrationWorkflow
    let embeddings: Embeddings
    let embeddingPipeline: EmbeddingPipeline
    /// Pages of entries kept in memory, dropped on every change to their diary (docs/performance.md).
    let diaryPages: DiaryPageCache
    private let diaryChanges: PostgresListener
    private let diaryChangesTask: Task<Void, Never>
    private let engineTask: Task<Void, Never>

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
        let identity = IdentityServices(
            configuration: configuration.identity, database: database, publicBaseURL: configuration.publicBaseURL,
            clock: clock, logger: logger.labelled("identity"))
        logger.info("Identity services configured.", ["identity.services": configuration.identity.summary])

        let engine = WorkflowEngine(
            databaseURL: configuration.databaseURL,
            configuration: WorkflowConfiguration(
                executorID: configuration.workflowExecutorID, applicationName: "moltnet",
                maximumConnections: max(2, configuration.databaseConnections / 2)),
            logger: logger.labelled("workflows"))
        let grants = PermissionWorkflows(engine: engine, permissions: identity.permissions)
        let signing = SigningWorkflow(
            engine: engine, requests: SigningRequestRepository(database: database),
            agents: AgentKeyRepository(database: database), clock: clock)
        let registration = RegistrationWorkflow(
            engine: engine,
            steps: RegistrationSteps(
                database: database, identities: identity.identities, oauth2: identity.oauth2,
                permissions: identity.permissions, clock: clock),
            stepDelay: .milliseconds(configuration.workflowStepDelayMilliseconds))
        let embeddings = Embeddings(
            directory: configuration.embeddingModelDirectory, logger: logger.labelled("embeddings"))
        let embeddingPipeline = EmbeddingPipeline(
            engine: engine, database: database, embeddings: embeddings, logger: logger.labelled("embeddings"))
        let engineLogger = logger.labelled("workflows")
        let engineTask = Task {
            do {
                try await engine.run()
            } catch {
                engineLogger.error("The workflow engine stopped.", ["error": String(describing: error)])
            }
        }
        let diaryPages = DiaryPageCache()
        let diaryChanges = PostgresListener(url: configuration.databaseURL, channels: [DiaryPageCache.channel])
        let diaryChangesTask = Task { await diaryPages.follow(diaryChanges.events) }
        return ServerServices(
            configuration: configuration, database: database, logger: logger, clock: clock, identity: identity,
            workflows: engine, grants: grants, signing: signing, registration: registration, embeddings: embeddings,
            embeddingPipeline: embeddingPipeline, diaryPages: diaryPages, diaryChanges: diaryChanges,
            diaryChangesTask: diaryChangesTask, engineTask: engineTask)
    }

    /// What `/.well-known/moltnet.json` and `/llms.txt` say about this deployment.
    var networkInfoSettings: NetworkInfoSettings {
        NetworkInfoSettings(
            baseURL: configuration.publicBaseURL, embeddingModel: embeddings.modelID, version: MoltVersion.current)
    }

    func shutdown() async {
        await workflows.shutdown(gracePeriod: .seconds(configuration.shutdownGraceSeconds))
        engineTask.cancel()
        await engineTask.value
        diaryChanges.stop()
        await diaryChangesTask.value
        await database.shutDown()
    }
}
