import MoltCommandLine

/// What `molt` was asked to do, from its command line and environment (flags beat environment beat defaults).
public struct ConsoleConfiguration: Equatable, Sendable {
    /// The MoltNet server's base URL, without a trailing `/`.
    public var serverURL: String
    public var isReadOnly: Bool
    /// Auto-refresh period; nil turns auto-refresh off.
    public var refreshInterval: Duration?
    /// Monochrome output (`--no-color` or `NO_COLOR`).
    public var monochrome: Bool
    /// Mouse wheel scrolling (captures the mouse, so terminal text selection needs shift).
    public var mouse: Bool
    /// What to run.
    public var command: Command

    /// The console, or a developer command.
    public enum Command: Equatable, Sendable {
        case console
        /// `molt bench`: renders and filters `rows` synthetic rows off-screen and prints timings.
        case bench(rows: Int)
    }

    /// molt's version.
    public static let version = "0.1.0"

    /// The default server (the reference deployment, as in the SDKs).
    public static let defaultServerURL = "https://api.themolt.net"

    static let flags: [Flag] = [
        .option(
            "api-url", environment: "MOLTNET_API_URL", valueName: "URL", defaultValue: defaultServerURL,
            help: "the MoltNet server to talk to"),
        .toggle("read-only", environment: "MOLT_READ_ONLY", help: "hide and refuse every action that changes data"),
        .option(
            "refresh", environment: "MOLT_REFRESH", valueName: "SECONDS", defaultValue: "5",
            help: "auto-refresh period of live screens; 0 turns it off"),
        .toggle("no-color", help: "no colours (also when NO_COLOR is set)"),
        .toggle("mouse", environment: "MOLT_MOUSE", help: "scroll with the mouse wheel"),
        .option("rows", valueName: "N", defaultValue: "100000", help: "rows for `molt bench`"),
        .toggle("version", help: "print the version and exit"),
        .toggle("help", short: "h", help: "show this help"),
    ]

    public static let usage = "molt [options] [bench]"

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
                        "(none)  open the console",
                        "bench   render and filter --rows synthetic rows off-screen, print timings (bench/console)",
                    ]
                ),
                ("Keys", ["q quit · ? help · : open a screen · / filter · r refresh · esc back · tab next pane"]),
            ]
        ).rendered
    }

    /// Parses the command line.
    /// - Throws: `HelpRequested` for `--help` and `--version`, `ValidationError` for a bad command line.
    public init(arguments: [String], environment: [String: String]) throws {
        let parsed = try ParsedArguments(arguments, flags: Self.flags, environment: environment)
        if parsed.isSet("help") { throw HelpRequested(text: Self.help) }
        if parsed.isSet("version") { throw HelpRequested(text: "molt \(Self.version)\n") }
        var url = try parsed.require("api-url")
        while url.hasSuffix("/") { url.removeLast() }
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8 else {
            throw ValidationError("--api-url must be an http:// or https:// URL")
        }
        serverURL = url
        isReadOnly = parsed.isSet("read-only")
        let seconds = try parsed.integer("refresh", in: 0...3600) ?? 5
        refreshInterval = seconds == 0 ? nil : .seconds(seconds)
        monochrome = parsed.isSet("no-color") || !(environment["NO_COLOR"] ?? "").isEmpty
        mouse = parsed.isSet("mouse")
        switch parsed.positionals {
        case []:
            command = .console
        case ["bench"]:
            command = .bench(rows: try parsed.integer("rows", in: 1...10_000_000) ?? 100_000)
        default:
            throw ValidationError("unexpected argument \(parsed.positionals[0])")
        }
    }

    /// The theme these settings ask for.
    public var theme: Theme { monochrome ? .monochrome : .colour }
}
