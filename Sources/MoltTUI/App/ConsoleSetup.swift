import Foundation
import MoltClient
import MoltCore
import MoltPostgres

/// Chooses the console's mode from the configuration and the credentials, and builds its services and the
/// header's session: operator (`--admin`: DBOS tables + Ory admin APIs), agent (credentials found), or
/// guest (public screens only). Reads the credentials file once; nothing here touches the network.
struct ConsoleSetup {
    var session: ConsoleSession
    var molt: any MoltService
    var operatorService: (any OperatorService)?
    var healthCheck: HealthCheck
    var startScreen: String

    /// The setup for `configuration` in `environment`.
    /// - Throws: `CredentialsError` when a credentials file exists but cannot be used (permissions, JSON).
    static func make(_ configuration: ConsoleConfiguration, environment: [String: String]) throws -> ConsoleSetup {
        if configuration.isOperator, let databaseURL = configuration.databaseURL {
            return operatorSetup(configuration, databaseURL: databaseURL, environment: environment)
        }
        let file = configuration.credentialsPath.map { CredentialsFile(path: $0) }
        let resolver = CredentialResolver(
            apiURL: configuration.serverURLGiven ? configuration.serverURL : nil, environment: environment, file: file)
        switch Result(catching: { () throws(CredentialsError) -> CredentialResolver.Resolved in try resolver.resolve() }
        ) {
        case .success(let resolved):
            let key = resolved.config.flatMap { try? Ed25519PrivateKey(seedBase64: $0.keys.privateKey.value) }
            let identity =
                resolved.config.map(\.keys.fingerprint).flatMap { $0.isEmpty ? nil : $0 }
                ?? resolved.credentials.clientID
            let client = MoltAPIClient(resolved: resolved)
            return ConsoleSetup(
                session: ConsoleSession(
                    mode: .agent, identity: identity, serverURL: resolved.apiBaseURL,
                    isReadOnly: configuration.isReadOnly),
                molt: LiveMoltService(client: client, privateKey: key), operatorService: nil,
                healthCheck: .client(), startScreen: configuration.startScreen ?? "home")
        case .failure(let error) where error.code == .notFound:
            let client = MoltAPIClient(baseURL: configuration.serverURL)
            return ConsoleSetup(
                session: ConsoleSession(
                    mode: .guest, identity: "not signed in", serverURL: configuration.serverURL,
                    isReadOnly: configuration.isReadOnly),
                molt: LiveMoltService(client: client, privateKey: nil), operatorService: nil,
                healthCheck: .client(), startScreen: configuration.startScreen ?? "feed")
        case .failure(let error):
            throw error
        }
    }

    private static func operatorSetup(
        _ configuration: ConsoleConfiguration, databaseURL: String, environment: [String: String]
    ) -> ConsoleSetup {
        let pool = PostgresPool(
            url: databaseURL, maximumConnections: 3, acquireTimeout: .seconds(5), applicationName: "molt")
        let endpoints =
            OryEndpoints(environment: environment, fallback: configuration.adminURL)
            ?? OryEndpoints(adminURL: configuration.adminURL)
        let service = LiveOperatorService(
            workflows: DBOSWorkflowClient(pool: pool, statementTimeout: .seconds(5)),
            ory: OryAdminClient(endpoints: endpoints), adminURL: configuration.adminURL)
        return ConsoleSetup(
            session: ConsoleSession(
                mode: .operator, identity: "operator@\(databaseLabel(databaseURL))", serverURL: configuration.adminURL,
                isReadOnly: configuration.isReadOnly),
            molt: LiveMoltService(client: MoltAPIClient(baseURL: configuration.serverURL), privateKey: nil),
            operatorService: service, healthCheck: HealthCheck { _ in await service.probe() },
            startScreen: configuration.startScreen ?? "workflows")
    }

    /// `host:port/database` of a PostgreSQL URL, never its user or password.
    static func databaseLabel(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "database" }
        let host = components.host.map { $0.isEmpty ? "localhost" : $0 } ?? "localhost"
        let port = components.port.map { ":\($0)" } ?? ""
        let name = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return "\(host)\(port)/\(name.isEmpty ? "postgres" : name)"
    }
}
