import MoltClient
import MoltCommandLine

/// The options every command takes, with their environment variables and defaults.
enum GlobalOptions {
    static let defaultAPIURL = "http://127.0.0.1:8000"
    static let defaultAdminURL = "http://127.0.0.1:8001"
    static let defaultDatabaseURL = "postgresql://postgres@127.0.0.1:54329/moltnet"

    static let flags: [Flag] = [
        .option(
            "api-url", environment: "MOLTNET_API_URL", valueName: "URL", defaultValue: defaultAPIURL,
            help: "The MoltNet REST API"),
        .option(
            "admin-url", environment: "MOLTNET_ADMIN_URL", valueName: "URL", defaultValue: defaultAdminURL,
            help: "The admin listener (Kratos, Hydra, Keto admin APIs; ORY_* variables override per API)"),
        .option(
            "database-url", environment: "DATABASE_URL", valueName: "URL", defaultValue: defaultDatabaseURL,
            help: "PostgreSQL holding MoltNet's tables and the DBOS schema"),
        .option(
            "credentials", environment: "MOLTNET_CREDENTIALS", valueName: "PATH",
            help: "The credentials file (default: ~/.config/moltnet/moltnet.json)"),
        .option(
            "agents-dir", environment: "MOLTNET_AGENTS_DIR", valueName: "DIR",
            help: "Where bootstrap writes <name>/moltnet.json and --as looks (default: ~/.config/moltnet/agents)"),
        .toggle("json", help: "Print JSON on stdout instead of tables"),
        .toggle("verbose", short: "v", environment: "MOLTNET_ADMIN_VERBOSE", help: "Log requests on stderr"),
        .toggle("help", short: "h", help: "Show help"),
    ]
}

/// The global options after parsing: where each service is and how to print.
struct AdminConfiguration: Sendable {
    var apiURL: String
    var adminURL: String
    var databaseURL: String
    /// The credentials file of the default agent.
    var credentialsPath: String
    /// The folder of per-agent credentials (`<name>/moltnet.json`).
    var agentsDirectory: String
    var json: Bool
    var verbose: Bool
    /// The environment the process was started with (for `ORY_*` and the model folder).
    var environment: [String: String]

    init(_ arguments: ParsedArguments, environment: [String: String]) throws(ValidationError) {
        apiURL = Self.trimmed(try arguments.require("api-url"))
        adminURL = Self.trimmed(try arguments.require("admin-url"))
        databaseURL = try arguments.require("database-url")
        json = arguments.isSet("json")
        verbose = arguments.isSet("verbose")
        self.environment = environment
        let configDirectory: String
        do {
            configDirectory = try ConfigDirectory.moltnet(environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
        credentialsPath = arguments.value("credentials") ?? configDirectory + "/" + CredentialsFile.fileName
        agentsDirectory = Self.trimmed(arguments.value("agents-dir") ?? configDirectory + "/agents")
        for (name, url) in [("api-url", apiURL), ("admin-url", adminURL)] {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ValidationError("--\(name) must be an http:// or https:// URL")
            }
        }
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
