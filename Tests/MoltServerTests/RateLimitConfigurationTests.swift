import MoltCommandLine
import MoltServer
import Testing

@Suite("rate limits from the environment (spec §0.3)")
struct RateLimitConfigurationTests {
    @Test("unset variables keep the reference's defaults")
    func defaults() throws {
        let parsed = try ServerCommandLine(arguments: [], environment: [:])
        #expect(parsed.configuration.rateLimits == RateLimits())
    }

    @Test("each RATE_LIMIT_* variable sets its own limit")
    func everyVariable() throws {
        let environment = [
            "RATE_LIMIT_AUTHENTICATED": "1000000", "RATE_LIMIT_ANONYMOUS": "31", "RATE_LIMIT_EMBEDDING": "21",
            "RATE_LIMIT_VOUCH": "11", "RATE_LIMIT_SIGNING": "6", "RATE_LIMIT_RECOVERY": "7",
            "RATE_LIMIT_PUBLIC_VERIFY": "12", "RATE_LIMIT_PUBLIC_SEARCH": "16",
        ]
        let limits = try ServerCommandLine(arguments: [], environment: environment).configuration.rateLimits
        #expect(
            limits
                == RateLimits(
                    authenticated: 1_000_000, anonymous: 31, embedding: 21, vouch: 11, signing: 6, recovery: 7,
                    publicVerify: 12, publicSearch: 16))
    }

    @Test("a limit that is not a positive number is a usage error naming the variable")
    func invalid() {
        for text in ["0", "-5", "many"] {
            let error = #expect(throws: ValidationError.self) {
                try ServerCommandLine(arguments: [], environment: ["RATE_LIMIT_AUTHENTICATED": text])
            }
            #expect(error?.description.contains("RATE_LIMIT_AUTHENTICATED") == true)
        }
    }

    @Test("--help lists the rate limit variables")
    func help() {
        let text = ServerCommandLine.help.rendered
        #expect(text.contains("RATE_LIMIT_AUTHENTICATED"))
        #expect(text.contains("RATE_LIMIT_PUBLIC_SEARCH"))
    }
}
