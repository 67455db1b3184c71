import MoltCommandLine
import Testing

@testable import MoltTUI

@Suite("molt's command line and environment")
struct ConsoleConfigurationTests {
    @Test("defaults: the reference server, 5 s refresh, colour, writable")
    func defaults() throws {
        let configuration = try ConsoleConfiguration(arguments: [], environment: [:])
        #expect(configuration.serverURL == "https://api.themolt.net")
        #expect(configuration.refreshInterval == .seconds(5))
        #expect(!configuration.isReadOnly)
        #expect(!configuration.monochrome)
        #expect(!configuration.mouse)
        #expect(configuration.command == .console)
        #expect(configuration.theme == .colour)
    }

    @Test("flags beat the environment; trailing slashes are trimmed")
    func flagsAndEnvironment() throws {
        let environment = ["MOLTNET_API_URL": "http://127.0.0.1:9000/", "MOLT_REFRESH": "9", "MOLT_READ_ONLY": "1"]
        let fromEnvironment = try ConsoleConfiguration(arguments: [], environment: environment)
        #expect(fromEnvironment.serverURL == "http://127.0.0.1:9000")
        #expect(fromEnvironment.refreshInterval == .seconds(9))
        #expect(fromEnvironment.isReadOnly)
        let fromFlags = try ConsoleConfiguration(
            arguments: ["--api-url", "http://127.0.0.1:8000//", "--refresh", "0", "--mouse", "--no-color"],
            environment: environment)
        #expect(fromFlags.serverURL == "http://127.0.0.1:8000")
        #expect(fromFlags.refreshInterval == nil)
        #expect(fromFlags.mouse)
        #expect(fromFlags.theme == .monochrome)
    }

    @Test("NO_COLOR turns colours off when set to anything")
    func noColor() throws {
        #expect(try ConsoleConfiguration(arguments: [], environment: ["NO_COLOR": "1"]).monochrome)
        #expect(try !ConsoleConfiguration(arguments: [], environment: ["NO_COLOR": ""]).monochrome)
        #expect(Theme.forEnvironment(["NO_COLOR": "yes"]) == .monochrome)
        #expect(Theme.forEnvironment([:]) == .colour)
        #expect(!Theme.monochrome.usesColour)
        #expect(Theme.colour.usesColour)
    }

    @Test("bench takes --rows")
    func bench() throws {
        #expect(try ConsoleConfiguration(arguments: ["bench"], environment: [:]).command == .bench(rows: 100_000))
        #expect(
            try ConsoleConfiguration(arguments: ["bench", "--rows", "10"], environment: [:]).command == .bench(rows: 10)
        )
    }

    @Test(
        "bad command lines are usage errors",
        arguments: [
            (["--api-url", "ftp://x"], "--api-url must be an http:// or https:// URL"),
            (["--refresh", "-1"], "--refresh must be a whole number from 0 to 3600"),
            (["--bogus"], "unknown option --bogus"), (["browse"], "unexpected argument browse"),
            (["bench", "--rows", "0"], "--rows must be a whole number from 1 to 10000000"),
        ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: ValidationError(message)) { try ConsoleConfiguration(arguments: arguments, environment: [:]) }
    }

    @Test("--help and --version are answered, not errors")
    func helpAndVersion() {
        #expect(throws: HelpRequested(text: ConsoleConfiguration.help)) {
            try ConsoleConfiguration(arguments: ["--help"], environment: [:])
        }
        #expect(throws: HelpRequested(text: ConsoleConfiguration.help)) {
            try ConsoleConfiguration(arguments: ["-h"], environment: [:])
        }
        #expect(throws: HelpRequested(text: "molt 0.1.0\n")) {
            try ConsoleConfiguration(arguments: ["--version"], environment: [:])
        }
    }
}
