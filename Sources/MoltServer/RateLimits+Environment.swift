import MoltCommandLine

/// The per-minute limits of spec §0.3 from the environment: every limit has its own variable, unset ones keep
/// the reference's defaults (`RateLimits()`), so operators and benchmarks raise them without code changes.
extension RateLimits {
    /// Each limit and the variable that sets it, in help order.
    static var environmentVariables: [(name: String, limit: WritableKeyPath<RateLimits, Int>)] {
        [
            ("RATE_LIMIT_AUTHENTICATED", \.authenticated), ("RATE_LIMIT_ANONYMOUS", \.anonymous),
            ("RATE_LIMIT_EMBEDDING", \.embedding), ("RATE_LIMIT_VOUCH", \.vouch),
            ("RATE_LIMIT_SIGNING", \.signing), ("RATE_LIMIT_RECOVERY", \.recovery),
            ("RATE_LIMIT_PUBLIC_VERIFY", \.publicVerify),
            ("RATE_LIMIT_PUBLIC_SEARCH", \.publicSearch),
        ]
    }

    /// The defaults, with every `RATE_LIMIT_*` variable that is set applied (a positive number of requests
    /// per minute); anything else is a usage error naming the variable.
    init(environment: [String: String]) throws(ValidationError) {
        self.init()
        for (name, limit) in Self.environmentVariables {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let value = Int(text), (1...1_000_000_000).contains(value) else {
                throw ValidationError("\(name) must be a whole number of requests per minute, not \(text)")
            }
            self[keyPath: limit] = value
        }
    }
}
