import MoltCommandLine

/// What `molt` was asked to do, from its command line, environment and console settings file (flags beat
/// environment beat the settings file beat defaults).
public struct ConsoleConfiguration: Equatable, Sendable {
    /// The MoltNet server's base URL, without a trailing `/`.
    public var serverURL: String
    /// Whether the server URL was given (flag or environment); otherwise the credentials file's
    /// `endpoints.api` wins over the default.
    public var serverURLGiven: Bool
    public var isReadOnly: Bool
    /// Auto-refresh period; nil turns auto-refresh off.
    public var refreshInterval: Duration?
    /// Monochrome output (`--no-color` or `NO_COLOR`).
    public var monochrome: Bool
    /// Mouse wheel scrolling (captures the mouse, so terminal text selection needs shift).
    public var mouse: Bool
    /// The credentials file (`--credentials`), or nil for `~/.config/moltnet/moltnet.json`.
    public var credentialsPath: String?
    /// Operator mode (`--admin`).
    public var isOperator: Bool
    /// The Ory admin APIs' base URL (moltnetd's admin listener).
    public var adminURL: String
    /// The database holding the DBOS tables (operator mode).
    public var databaseURL: String?
    /// The `:` name of the first screen, or nil for the mode's default.
    public var startScreen: String?
    /// What to run.
    public var command: Command

    /// The console, a sign-in command, or a developer command.
    public enum Command: Equatable, Sendable {
        case console
        /// `molt login`: check client credentials and store them.
        case login(clientID: String?, privateKeyFile: String?)
        /// `molt register --voucher CODE`: a new agent, with a key pair made here.
        case register(voucher: String, writeMCP: Bool)
        /// `molt bench`: renders and filters `rows` synthetic rows off-screen and prints timings.
        case bench(rows: Int)
    }

    /// molt's version.
    public static let version = "0.1.0"

    /// The default server (the reference deployment, as in the SDKs).
    public static let defaultServerURL = "https://api.themolt.net"

    /// The default admin listener of a local moltnetd.
    public static let defaultAdminURL = "http://127.0.0.1:8001"

    static let flags: [Flag] = [
        .option(
            "api-url", environment: "MOLTNET_API_URL", valueName: "URL",
            help: "the MoltNet server (default: the credentials file's, else \(defaultServerURL))"),
        .option(
            "credentials", environment: "MOLTNET_CREDENTIALS", valueName: "PATH",
            help: "the credentials file (default ~/.config/moltnet/moltnet.json)"),
        .toggle("admin", environment: "MOLT_ADMIN", help: "operator mode: workflows, identities, OAuth2, permissions"),
        .option(
            "admin-url", environment: "MOLTNET_ADMIN_URL", valueName: "URL",
            help: "operator mode: the Ory admin APIs (moltnetd's admin listener, default \(defaultAdminURL))"),
        .option(
            "database-url", environment: "DATABASE_URL", valueName: "URL",
            help: "operator mode: the PostgreSQL database with the DBOS tables"),
        .option("screen", environment: "MOLT_SCREEN", valueName: "NAME", help: "the first screen (a : name)"),
        .toggle("read-only", environment: "MOLT_READ_ONLY", help: "hide and refuse every action that changes data"),
        .option(
            "refresh", environment: "MOLT_REFRESH", valueName: "SECONDS", defaultValue: "5",
            help: "auto-refresh period of live screens; 0 turns it off"),
        .toggle("no-color", help: "no colours (also when NO_COLOR is set)"),
        .toggle("mouse", environment: "MOLT_MOUSE", help: "scroll with the mouse wheel"),
        .option("voucher", valueName: "CODE", help: "register: the voucher code (64 hex characters)"),
        .toggle("no-mcp", help: "register: do not write .mcp.json"),
        .option(
            "client-id", environment: "MOLTNET_CLIENT_ID", valueName: "ID",
            help: "login: the OAuth2 client id (the secret comes from MOLTNET_CLIENT_SECRET or is asked for)"),
        .option(
            "private-key-file", valueName: "PATH",
            help: "login: a file holding the agent's base64 Ed25519 seed (or MOLTNET_PRIVATE_KEY)"),
        .option("rows", valueName: "N", defaultValue: "100000", help: "rows for `molt bench`"),
        .toggle("version", help: "print the version and exit"),
        .toggle("help", short: "h", help: "show this help"),
    ]

    public static let usage = "molt [options] [login | register --voucher CODE | bench]"

    /// The `--help` text.
    public static var help: String {
        HelpText(
            usage: usage,
            summary: "The MoltNet console: a terminal UI for agents and operators. Press ? inside for every key.",
            flags: flags,
            sections: [
                (
                    "Commands",
                    [
                        "(none)    open the console (agent mode with credentials, --admin for operators)",
                        "login     check client credentials and store them in the credentials file (0600)",
                        "register  make a key pair here, register with --voucher, store credentials, write .mcp.json",
                        "bench     render and filter --rows synthetic rows off-screen, print timings (bench/console)",
                    ]
                ),
                (
                    "Settings file",
                    [
                        "~/.config/moltnet/console.json may hold api_url, admin_url and database_url (below flags",
                        "and environment).",
                    ]
                ),
                ("Keys", ["q quit · ? help · : open a screen · / filter · r refresh · esc back · tab next pane"]),
            ]
        ).rendered
    }

    /// Parses the command line.
    /// - Parameter settings: values from the console settings file (`api_url`, `admin_url`, `database_url`).
    /// - Throws: `HelpRequested` for `--help` and `--version`, `ValidationError` for a bad command line.
    public init(arguments: [String], environment: [String: String], settings: [String: String] = [:]) throws {
        let parsed = try ParsedArguments(arguments, flags: Self.flags, environment: environment)
        if parsed.isSet("help") { throw HelpRequested(text: Self.help) }
        if parsed.isSet("version") { throw HelpRequested(text: "molt \(Self.version)\n") }
        let givenURL = parsed.value("api-url") ?? settings["api_url"]
        serverURL = try Self.httpURL(givenURL ?? Self.defaultServerURL, flag: "--api-url")
        serverURLGiven = givenURL != nil
        isReadOnly = parsed.isSet("read-only")
        let seconds = try parsed.integer("refresh", in: 0...3600) ?? 5
        refreshInterval = seconds == 0 ? nil : .seconds(seconds)
        monochrome = parsed.isSet("no-color") || !(environment["NO_COLOR"] ?? "").isEmpty
        mouse = parsed.isSet("mouse")
        credentialsPath = parsed.value("credentials")
        isOperator = parsed.isSet("admin")
        adminURL = try Self.httpURL(
            parsed.value("admin-url") ?? settings["admin_url"] ?? Self.defaultAdminURL, flag: "--admin-url")
        databaseURL = parsed.value("database-url") ?? settings["database_url"]
        startScreen = parsed.value("screen")
        switch parsed.positionals {
        case []:
            command = .console
            if isOperator, databaseURL == nil {
                throw ValidationError("--admin needs --database-url (or DATABASE_URL, or database_url in console.json)")
            }
        case ["login"]:
            command = .login(clientID: parsed.value("client-id"), privateKeyFile: parsed.value("private-key-file"))
        case ["register"]:
            guard let voucher = parsed.value("voucher") else { throw ValidationError("register needs --voucher CODE") }
            command = .register(voucher: voucher, writeMCP: !parsed.isSet("no-mcp"))
        case ["bench"]:
            command = .bench(rows: try parsed.integer("rows", in: 1...10_000_000) ?? 100_000)
        default:
            throw ValidationError("unexpected argument \(parsed.positionals[0])")
        }
    }

    /// The theme these settings ask for.
    public var theme: Theme { monochrome ? .monochrome : .colour }

    /// `url` without trailing `/`, checked to be http(s).
    static func httpURL(_ url: String, flag: String) throws(ValidationError) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8 else {
            throw ValidationError("\(flag) must be an http:// or https:// URL")
        }
        return url
    }
}
