public import MoltCommandLine
public import MoltCore

/// Which identity, OAuth2 and permission services `moltnetd` uses: embedded (the default) or real Ory,
/// chosen per service by the `ORY_*` environment variables (DESIGN.md §3, docs/identity.md).
///
/// Each URL falls back to `ORY_PROJECT_URL` (Ory Network: one host for everything); `ORY_API_KEY`, when
/// set, is sent as a bearer token on every Ory call. A service is Ory-backed when its admin (Kratos, Hydra)
/// or read/write (Keto) URL resolves to something.
public struct IdentityConfiguration: Sendable, Equatable {
    /// Kratos admin and public URLs, nil for the embedded identity provider.
    public var kratosAdminURL: String?
    public var kratosPublicURL: String?
    /// Hydra admin and public URLs, nil for the embedded OAuth2 provider.
    public var hydraAdminURL: String?
    public var hydraPublicURL: String?
    /// Keto read and write URLs, nil for the embedded permission engine.
    public var ketoReadURL: String?
    public var ketoWriteURL: String?
    /// The Ory project API key (never logged).
    public var apiKey: String?
    /// The argon2id cost of embedded client secrets and recovery codes (`.interactive`; test suites lower it).
    public var secretHashStrength: PasswordHash.Strength = .interactive

    /// Everything embedded.
    public static let embedded = IdentityConfiguration()

    public init(
        kratosAdminURL: String? = nil, kratosPublicURL: String? = nil, hydraAdminURL: String? = nil,
        hydraPublicURL: String? = nil, ketoReadURL: String? = nil, ketoWriteURL: String? = nil,
        apiKey: String? = nil
    ) {
        self.kratosAdminURL = kratosAdminURL
        self.kratosPublicURL = kratosPublicURL ?? kratosAdminURL
        self.hydraAdminURL = hydraAdminURL
        self.hydraPublicURL = hydraPublicURL ?? hydraAdminURL
        self.ketoReadURL = ketoReadURL ?? ketoWriteURL
        self.ketoWriteURL = ketoWriteURL ?? ketoReadURL
        self.apiKey = apiKey
    }

    /// The names of the variables read.
    public static let environmentVariables = [
        "ORY_KRATOS_ADMIN_URL", "ORY_KRATOS_PUBLIC_URL", "ORY_HYDRA_ADMIN_URL", "ORY_HYDRA_PUBLIC_URL",
        "ORY_KETO_READ_URL", "ORY_KETO_WRITE_URL", "ORY_PROJECT_URL", "ORY_API_KEY",
    ]

    /// Reads the `ORY_*` variables; empty ones count as unset.
    /// - Throws: `ValidationError` when a URL is not http(s).
    public init(environment: [String: String]) throws(ValidationError) {
        func url(_ name: String) throws(ValidationError) -> String? {
            guard var value = environment[name], !value.isEmpty else { return nil }
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ValidationError("\(name) must be an http:// or https:// URL")
            }
            while value.hasSuffix("/") { value.removeLast() }
            return value
        }
        let project = try url("ORY_PROJECT_URL")
        self.init(
            kratosAdminURL: try url("ORY_KRATOS_ADMIN_URL") ?? project,
            kratosPublicURL: try url("ORY_KRATOS_PUBLIC_URL") ?? project,
            hydraAdminURL: try url("ORY_HYDRA_ADMIN_URL") ?? project,
            hydraPublicURL: try url("ORY_HYDRA_PUBLIC_URL") ?? project,
            ketoReadURL: try url("ORY_KETO_READ_URL") ?? project,
            ketoWriteURL: try url("ORY_KETO_WRITE_URL") ?? project,
            apiKey: environment["ORY_API_KEY"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Short names of the services on real Ory, for the start-up log (`kratos,keto`), or `embedded`.
    public var summary: String {
        let ory = [
            kratosAdminURL != nil ? "kratos" : nil, hydraAdminURL != nil ? "hydra" : nil,
            ketoReadURL != nil ? "keto" : nil,
        ].compactMap { $0 }
        return ory.isEmpty ? "embedded" : ory.joined(separator: ",")
    }
}

extension IdentityConfiguration: CustomStringConvertible, CustomDebugStringConvertible {
    /// The URLs and whether an API key is set; the key itself is never shown.
    public var description: String {
        let urls = [
            ("kratosAdmin", kratosAdminURL), ("kratosPublic", kratosPublicURL), ("hydraAdmin", hydraAdminURL),
            ("hydraPublic", hydraPublicURL), ("ketoRead", ketoReadURL), ("ketoWrite", ketoWriteURL),
        ].compactMap { name, url in url.map { "\(name): \($0)" } }
        return
            "IdentityConfiguration(\((urls + ["apiKey: \(apiKey == nil ? "none" : "<redacted>")"]).joined(separator: ", ")))"
    }

    public var debugDescription: String { description }
}
