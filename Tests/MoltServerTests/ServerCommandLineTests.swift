import MoltCommandLine
import MoltCore
import MoltServer
import Testing

@Suite("moltnetd configuration from flags and environment")
struct ServerCommandLineTests {
    @Test("defaults listen on loopback with the project-local database")
    func defaults() throws {
        let parsed = try ServerCommandLine(arguments: [], environment: [:])
        #expect(parsed.configuration.http.host == "127.0.0.1")
        #expect(parsed.configuration.http.port == 8000)
        #expect(parsed.configuration.adminHTTP.port == 8001)
        #expect(parsed.configuration.databaseURL == ServerConfiguration.defaultDatabaseURL)
        #expect(parsed.configuration.http.maximumBodyBytes == 1 << 20)
        #expect(parsed.configuration.publicBaseURL == "http://127.0.0.1:8000")
        #expect(parsed.logLevel == .info)
        #expect(parsed.configuration.corsOrigins == CORSMiddleware.defaultOrigins)
    }

    @Test("CORS_ORIGINS and --cors-origins set the CORS allowlist")
    func corsOrigins() throws {
        let environment = ["CORS_ORIGINS": "https://a.example, https://b.example"]
        let fromEnvironment = try ServerCommandLine(arguments: [], environment: environment)
        #expect(fromEnvironment.configuration.corsOrigins == ["https://a.example", "https://b.example"])
        let fromFlag = try ServerCommandLine(arguments: ["--cors-origins", "*"], environment: environment)
        #expect(fromFlag.configuration.corsOrigins == ["*"])
    }

    @Test("flags beat the environment, which beats defaults")
    func precedence() throws {
        let environment = [
            "MOLTNET_LISTEN": "0.0.0.0:9000", "DATABASE_URL": "postgresql://env/db", "MOLTNET_LOG_LEVEL": "debug",
        ]
        let fromEnvironment = try ServerCommandLine(arguments: [], environment: environment)
        #expect(fromEnvironment.configuration.http.host == "0.0.0.0")
        #expect(fromEnvironment.configuration.databaseURL == "postgresql://env/db")
        #expect(fromEnvironment.logLevel == .debug)
        let fromFlags = try ServerCommandLine(
            arguments: [
                "--listen", "127.0.0.1:9100", "--database-url=postgresql://flag/db", "--public-url", "https://x.test/",
            ],
            environment: environment)
        #expect(fromFlags.configuration.http.port == 9100)
        #expect(fromFlags.configuration.databaseURL == "postgresql://flag/db")
        #expect(fromFlags.configuration.publicBaseURL == "https://x.test")
    }

    @Test(
        "bad values are usage errors that say what is expected",
        arguments: [
            (["--listen", "localhost:80"], "IPv4"), (["--listen", "127.0.0.1"], "127.0.0.1:8000"),
            (["--http-threads", "0"], "from 1 to 256"), (["--log-level", "loud"], "--log-level"),
            (["--bogus"], "unknown option --bogus"), (["extra"], "unexpected argument"),
            (["--listen"], "needs a value"), (["--log-format", "xml"], "json or human"),
            (["--admin-listen", "0.0.0.0:8001"], "must be a loopback address"),
            (["--admin-listen", "192.168.1.5:8001"], "without authentication"),
        ])
    func invalid(arguments: [String], message: String) {
        let error = #expect(throws: ValidationError.self) {
            _ = try ServerCommandLine(arguments: arguments, environment: [:])
        }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test("--help lists every flag with its environment variable")
    func help() {
        let error = #expect(throws: HelpRequested.self) {
            _ = try ServerCommandLine(arguments: ["--help"], environment: [:])
        }
        for flag in ServerCommandLine.flags {
            #expect(error?.text.contains("--\(flag.name)") == true)
            if let variable = flag.environment { #expect(error?.text.contains(variable) == true) }
        }
    }
}
