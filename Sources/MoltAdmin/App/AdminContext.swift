import Foundation
import MoltClient
import MoltCommandLine
import MoltCore
import MoltPostgres
import Synchronization

/// What a running command works with: the configuration, stdout/stderr, and the clients of the services it
/// talks to (the REST API, the admin listener, the database), made on first use and closed at the end.
final class AdminContext: Sendable {
    let configuration: AdminConfiguration
    let output: Output
    let logger: Logger
    private let pool = Mutex<PostgresPool?>(nil)
    private let transport: any HTTPTransport

    init(configuration: AdminConfiguration, output: Output) {
        self.configuration = configuration
        self.output = output
        logger =
            configuration.verbose
            ? Logger(label: "molt-admin", level: .debug, sink: StandardErrorLogSink()) : .disabled
        transport = RetryingTransport(
            base: CurlTransport(configuration: Self.curlConfiguration, logger: logger), policy: Self.retryPolicy,
            logger: logger)
    }

    static let curlConfiguration = CurlTransportConfiguration(connectTimeout: .seconds(5), timeout: .seconds(60))
    static let retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(100))

    /// The REST API without credentials (public routes).
    var api: MoltAPIClient {
        MoltAPIClient(MoltHTTPClient(baseURL: configuration.apiURL, transport: transport))
    }

    /// The REST API signed in with `credentials`.
    func api(credentials: ClientCredentials) -> MoltAPIClient {
        let tokens = TokenManager(
            credentials: credentials, apiBaseURL: configuration.apiURL, transport: transport, logger: logger)
        return MoltAPIClient(MoltHTTPClient(baseURL: configuration.apiURL, transport: transport, tokens: tokens))
    }

    /// The Ory admin APIs: the admin listener, or real Ory where `ORY_*` variables say so.
    var ory: OryAdminClient {
        let endpoints =
            OryEndpoints(environment: configuration.environment, fallback: configuration.adminURL)
            ?? OryEndpoints(adminURL: configuration.adminURL)
        let key = configuration.environment["ORY_API_KEY"].flatMap { $0.isEmpty ? nil : Secret($0) }
        return OryAdminClient(endpoints: endpoints, apiKey: key, transport: transport)
    }

    /// The admin listener's own routes (genesis, health).
    var admin: MoltHTTPClient {
        MoltHTTPClient(baseURL: configuration.adminURL, transport: transport)
    }

    /// The database pool (opened on first use, closed by ``close()``).
    var database: PostgresPool {
        pool.withLock { pool in
            if let pool { return pool }
            let created = PostgresPool(
                url: configuration.databaseURL, maximumConnections: 4, acquireTimeout: .seconds(15),
                applicationName: "molt-admin")
            pool = created
            return created
        }
    }

    /// The DBOS workflow reader and operator on ``database``.
    var workflows: DBOSWorkflowClient {
        DBOSWorkflowClient(pool: database, statementTimeout: .seconds(10))
    }

    /// The credentials of an agent named by `--as` (or the default credentials file when nil).
    func agent(_ reference: String?) throws -> AgentCredentials {
        try AgentCredentials.load(reference, configuration: configuration)
    }

    /// A REST client signed in as the agent named by `--as`.
    func signedIn(as reference: String?) throws -> (AgentCredentials, MoltAPIClient) {
        let agent = try agent(reference)
        return (agent, api(credentials: agent.config.clientCredentials))
    }

    /// Closes the database pool, if one was opened.
    func close() async {
        let opened = pool.withLock { $0 }
        await opened?.shutDown()
    }
}
