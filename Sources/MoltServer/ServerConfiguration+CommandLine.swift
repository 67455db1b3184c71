import Foundation
import MoltEmbeddings
public import MoltCommandLine
public import MoltCore

/// `moltnetd`'s flags and environment variables, and the configuration they build.
public struct ServerCommandLine: Sendable {
    /// Every flag, in help order. Each mirrors an environment variable.
    public static let flags: [Flag] = [
        .option(
            "listen", environment: "MOLTNET_LISTEN", valueName: "HOST:PORT", defaultValue: "127.0.0.1:8000",
            help: "Address of the public REST API"),
        .option(
            "admin-listen", environment: "MOLTNET_ADMIN_LISTEN", valueName: "HOST:PORT",
            defaultValue: "127.0.0.1:8001", help: "Address of the admin API (loopback only)"),
        .option(
            "database-url", environment: "DATABASE_URL", valueName: "URL",
            defaultValue: ServerConfiguration.defaultDatabaseURL, help: "PostgreSQL with pgvector"),
        .option(
            "database-connections", environment: "MOLTNET_DATABASE_CONNECTIONS", valueName: "N",
            defaultValue: "10", help: "Pooled database connections"),
        .option(
            "public-url", environment: "MOLTNET_PUBLIC_URL", valueName: "URL",
            help: "Base URL clients use, for links in documents (default: http://<listen>)"),
        .option(
            "http-threads", environment: "MOLTNET_HTTP_THREADS", valueName: "N", defaultValue: "4",
            help: "Threads polling HTTP connections"),
        .option(
            "max-body-bytes", environment: "MOLTNET_MAX_BODY_BYTES", valueName: "BYTES", defaultValue: "1048576",
            help: "Largest request body accepted (413 above)"),
        .option(
            "read-timeout", environment: "MOLTNET_READ_TIMEOUT", valueName: "SECONDS", defaultValue: "30",
            help: "Idle seconds before a connection is closed"),
        .option(
            "shutdown-grace", environment: "MOLTNET_SHUTDOWN_GRACE", valueName: "SECONDS", defaultValue: "10",
            help: "Seconds requests in flight may take to finish on SIGTERM"),
        .option(
            "embedding-model-dir", environment: "MOLTNET_EMBEDDING_MODEL_DIR", valueName: "DIR",
            help: "Embedding model folder (default: .moltnet/models/all-MiniLM-L6-v2 under the working directory)"),
        .option(
            "workflow-executor-id", environment: "MOLTNET_WORKFLOW_EXECUTOR_ID", valueName: "ID",
            defaultValue: "moltnetd",
            help: "Workflow executor id; a restart with the same id resumes this server's workflows"),
        .option(
            "workflow-step-delay-ms", environment: "MOLTNET_WORKFLOW_STEP_DELAY_MS", valueName: "MS",
            defaultValue: "0", help: "Fault injection for crash tests: pause after each registration step"),
        .option(
            "cors-origins", environment: "CORS_ORIGINS", valueName: "LIST",
            defaultValue: CORSMiddleware.defaultOrigins.joined(separator: ","),
            help: "Comma-separated origins browsers may call the API from (* for any)"),
        .option(
            "log-level", environment: "MOLTNET_LOG_LEVEL", valueName: "LEVEL", defaultValue: "info",
            help: "trace, debug, info, notice, warning, error or critical"),
        .option(
            "log-format", environment: "MOLTNET_LOG_FORMAT", valueName: "FORMAT",
            help: "json or human (default: human on a terminal, json otherwise)"),
        .toggle("version", help: "Print the version and exit"),
        .toggle("help", short: "h", help: "Show this help"),
    ]

    /// The help text.
    public static let help = HelpText(
        usage: "moltnetd [options]",
        summary: "The MoltNet server: REST API, admin API, workflows and search on PostgreSQL.",
        flags: flags,
        sections: [
            (
                "Commands",
                ["backfill-embeddings  embed entries without a vector of the configured model, then exit (--help)"]
            ),
            (
                "Signals",
                ["SIGTERM, SIGINT  stop accepting, finish requests in flight (see --shutdown-grace), exit 0"]
            ),
            (
                "Rate limits per minute (environment only; spec §0.3 defaults when unset)",
                [
                    "RATE_LIMIT_AUTHENTICATED (100), RATE_LIMIT_ANONYMOUS (30), RATE_LIMIT_EMBEDDING (20)",
                    "RATE_LIMIT_VOUCH (10), RATE_LIMIT_SIGNING (5), RATE_LIMIT_RECOVERY (5)",
                    "RATE_LIMIT_PUBLIC_VERIFY (10), RATE_LIMIT_PUBLIC_SEARCH (15)",
                ]
            ),
            (
                "Identity (environment only; unset means the embedded services, see docs/identity.md)",
                [
                    "ORY_KRATOS_ADMIN_URL, ORY_KRATOS_PUBLIC_URL  Kratos for identities",
                    "ORY_HYDRA_ADMIN_URL, ORY_HYDRA_PUBLIC_URL    Hydra for OAuth2 clients and tokens",
                    "ORY_KETO_READ_URL, ORY_KETO_WRITE_URL        Keto for permissions",
                    "ORY_PROJECT_URL, ORY_API_KEY                 Ory Network: one URL for all three, and its key",
                ]
            ),
        ])

    public let configuration: ServerConfiguration
    public let logLevel: LogLevel
    public let logFormat: StandardErrorLogSink.Format?
    public let printVersion: Bool

    /// Parses flags (which beat the environment, which beats defaults).
    public init(arguments: [String], environment: [String: String]) throws {
        let parsed = try ParsedArguments(arguments, flags: Self.flags, environment: environment)
        if parsed.isSet("help") { throw HelpRequested(text: Self.help.rendered) }
        guard parsed.positionals.isEmpty else {
            throw ValidationError("unexpected argument \(parsed.positionals[0])")
        }
        printVersion = parsed.isSet("version")
        let listen = try Self.address(parsed.require("listen"), flag: "listen")
        let adminListen = try Self.address(parsed.require("admin-listen"), flag: "admin-listen")
        guard adminListen.host.hasPrefix("127.") else {
            throw ValidationError(
                "--admin-listen must be a loopback address (127.x.x.x), not \(adminListen.host): the admin API "
                    + "manages identities, clients and permissions without authentication")
        }
        let threads = try parsed.integer("http-threads", in: 1...256) ?? 4
        let bodyLimit = try parsed.integer("max-body-bytes", in: 1024...(1 << 30)) ?? 1 << 20
        let timeout = try parsed.integer("read-timeout", in: 1...3600) ?? 30
        let http = HTTPServerConfiguration(
            host: listen.host, port: listen.port, threads: threads, connectionTimeoutSeconds: timeout,
            maximumBodyBytes: bodyLimit)
        let admin = HTTPServerConfiguration(
            host: adminListen.host, port: adminListen.port, threads: 2, connectionTimeoutSeconds: timeout,
            maximumBodyBytes: bodyLimit)
        guard let level = LogLevel(name: try parsed.require("log-level")) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = level
        switch parsed.value("log-format") {
        case nil: logFormat = nil
        case "json": logFormat = .json
        case "human": logFormat = .human
        case let other?: throw ValidationError("--log-format must be json or human, not \(other)")
        }
        var configuration = ServerConfiguration(
            http: http, adminHTTP: admin, databaseURL: try parsed.require("database-url"),
            databaseConnections: try parsed.integer("database-connections", in: 1...500) ?? 10,
            publicBaseURL: parsed.value("public-url").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            shutdownGraceSeconds: try parsed.integer("shutdown-grace", in: 0...600) ?? 10,
            rateLimits: try RateLimits(environment: environment),
            corsOrigins: try parsed.require("cors-origins").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            identity: try IdentityConfiguration(environment: environment),
            workflowExecutorID: try parsed.require("workflow-executor-id"),
            recoveryChallengeSecret: try Self.recoverySecret(environment),
            embeddingModelDirectory: parsed.value("embedding-model-dir").map { URL(fileURLWithPath: $0) }
                ?? EmbeddingModelLocation.directory(
                    environment: [:], projectRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        configuration.workflowStepDelayMilliseconds = try parsed.integer("workflow-step-delay-ms", in: 0...600_000) ?? 0
        self.configuration = configuration
    }

    /// `RECOVERY_CHALLENGE_SECRET` (environment only, never a flag, so it stays out of process listings).
    static func recoverySecret(_ environment: [String: String]) throws(ValidationError) -> String? {
        guard let secret = environment["RECOVERY_CHALLENGE_SECRET"], !secret.isEmpty else { return nil }
        guard secret.count >= 16 else {
            throw ValidationError("RECOVERY_CHALLENGE_SECRET must be at least 16 characters")
        }
        return secret
    }

    /// Splits `HOST:PORT` (IPv4 host) and checks both parts.
    static func address(_ text: String, flag: String) throws(ValidationError) -> (host: String, port: UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
            throw ValidationError("--\(flag) must look like 127.0.0.1:8000")
        }
        let host = String(text[..<colon])
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--\(flag) needs an IPv4 address such as 127.0.0.1 or 0.0.0.0, not \(host)")
        }
        return (host, port)
    }
}
