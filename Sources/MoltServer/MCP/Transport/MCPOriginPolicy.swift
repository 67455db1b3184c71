/// Which browser origins may call `/mcp` (MCP's DNS-rebinding rule: a request whose `Origin` is present and
/// not allowed is refused with 403). Requests without `Origin` (every non-browser client) pass.
///
/// Allowed: the CORS allowlist (`MOLTNET_CORS_ORIGINS`; `*` allows every origin) and the server's own public
/// origin.
struct MCPOriginPolicy: Sendable {
    private let allowed: Set<String>
    private let allowsAny: Bool

    init(allowedOrigins: [String], publicBaseURL: String) {
        allowsAny = allowedOrigins.contains("*")
        allowed = Set((allowedOrigins + [Self.origin(of: publicBaseURL)]).map(Self.normalized))
    }

    func allows(_ origin: String?) -> Bool {
        guard let origin else { return true }
        return allowsAny || allowed.contains(Self.normalized(origin))
    }

    /// `scheme://host[:port]` of a URL (its path dropped).
    static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        return String(url[..<schemeEnd.upperBound]) + authority
    }

    private static func normalized(_ origin: String) -> String {
        var text = origin.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
