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
    /// Embedded identity, OAuth2 and permission services, or real Ory (the `ORY_*` variables).
    public var identity: IdentityConfiguration

    public init(
        http: HTTPServerConfiguration = HTTPServerConfiguration(),
        adminHTTP: HTTPServerConfiguration = HTTPServerConfiguration(port: 8001, threads: 2),
        databaseURL: String = ServerConfiguration.defaultDatabaseURL,
        databaseConnections: Int = 10,
        publicBaseURL: String? = nil,
        shutdownGraceSeconds: Int = 10,
        identity: IdentityConfiguration = .embedded
    ) {
        self.http = http
        self.adminHTTP = adminHTTP
        self.databaseURL = databaseURL
        self.databaseConnections = databaseConnections
        self.publicBaseURL = publicBaseURL ?? "http://\(http.host):\(http.port)"
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.identity = identity
    }

    /// The project-local Postgres started by `scripts/pg.sh`.
    public static let defaultDatabaseURL = "postgresql://postgres@127.0.0.1:54329/moltnet"
}
