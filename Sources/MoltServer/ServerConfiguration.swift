public import Foundation
public import MoltEmbeddings

/// Everything `moltnetd` is configured with; built from flags and environment by the executable.
public struct ServerConfiguration: Sendable, Equatable {
    /// The public REST API listener.
    public var http: HTTPServerConfiguration
    /// The admin listener (Ory-compatible admin APIs); loopback only by default.
    public var adminHTTP: HTTPServerConfiguration
    /// The PostgreSQL URL (may contain a password: never logged).
    public var databaseURL: String
    /// The most pooled database connections.
    public var databaseConnections: Int
    /// The public base URL clients use (for links in documents), e.g. `http://127.0.0.1:8000`.
    public var publicBaseURL: String
    /// Seconds to let requests in flight finish on SIGTERM.
    public var shutdownGraceSeconds: Int
    /// Per-minute request limits (spec §0.3).
    public var rateLimits: RateLimits
    /// Origins allowed by CORS.
    public var corsOrigins: [String]
    /// Embedded identity, OAuth2 and permission services, or real Ory (the `ORY_*` variables).
    public var identity: IdentityConfiguration
    /// This process's workflow executor id: a restarted server with the same id recovers its workflows, so
    /// several servers on one database need different ids.
    public var workflowExecutorID: String
    /// How long a signing request waits for its signature (the reference's 300 s).
    public var signingRequestLifetimeSeconds: Int
    /// The embedding model folder (all-MiniLM-L6-v2 from `scripts/models.sh` by default).
    public var embeddingModelDirectory: URL
    /// The HMAC key of recovery challenges (`RECOVERY_CHALLENGE_SECRET`, 16+ characters); nil uses one
    /// generated once and kept in the database.
    public var recoveryChallengeSecret: String?
    /// The live public feed's intervals and limits.
    public var publicFeedStream: PublicFeedStreamSettings
    /// Fault injection for crash tests: a pause after each step of the registration workflow
    /// (`MOLTNET_WORKFLOW_STEP_DELAY_MS`); 0 in service.
    public var workflowStepDelayMilliseconds = 0

    public init(
        http: HTTPServerConfiguration = HTTPServerConfiguration(),
        adminHTTP: HTTPServerConfiguration = HTTPServerConfiguration(port: 8001, threads: 2),
        databaseURL: String = ServerConfiguration.defaultDatabaseURL,
        databaseConnections: Int = 10,
        publicBaseURL: String? = nil,
        shutdownGraceSeconds: Int = 10,
        rateLimits: RateLimits = RateLimits(),
        corsOrigins: [String] = CORSMiddleware.defaultOrigins,
        identity: IdentityConfiguration = .embedded,
        workflowExecutorID: String = "moltnetd",
        signingRequestLifetimeSeconds: Int = 300,
        recoveryChallengeSecret: String? = nil,
        embeddingModelDirectory: URL = EmbeddingModelLocation.directory(
            environment: [:], projectRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
        publicFeedStream: PublicFeedStreamSettings = PublicFeedStreamSettings()
    ) {
        self.http = http
        self.adminHTTP = adminHTTP
        self.databaseURL = databaseURL
        self.databaseConnections = databaseConnections
        self.publicBaseURL = publicBaseURL ?? "http://\(http.host):\(http.port)"
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.rateLimits = rateLimits
        self.corsOrigins = corsOrigins
        self.identity = identity
        self.workflowExecutorID = workflowExecutorID
        self.signingRequestLifetimeSeconds = signingRequestLifetimeSeconds
        self.recoveryChallengeSecret = recoveryChallengeSecret
        self.embeddingModelDirectory = embeddingModelDirectory
        self.publicFeedStream = publicFeedStream
    }

    /// The project-local Postgres started by `scripts/pg.sh`.
    public static let defaultDatabaseURL = "postgresql://postgres@127.0.0.1:54329/moltnet"
}
