import Foundation

/// Which proxy a request goes through, resolved from the environment the way the curl tool does it.
///
/// `http_proxy` (lower case only, as curl insists for plain HTTP), `https_proxy`/`HTTPS_PROXY`, then
/// `all_proxy`/`ALL_PROXY` as a fallback; `no_proxy`/`NO_PROXY` lists hosts reached directly (libcurl
/// matches it). The transport passes the result to libcurl explicitly, so an environment given to
/// ``environment(_:)`` is honoured exactly and tests never need to touch the process environment.
public struct ProxySettings: Sendable, Equatable {
    /// The proxy for `http://` URLs.
    public var httpProxy: String?
    /// The proxy for `https://` URLs.
    public var httpsProxy: String?
    /// Comma-separated hosts, domains or addresses that bypass the proxy (`*` for all).
    public var noProxy: String?

    public init(httpProxy: String? = nil, httpsProxy: String? = nil, noProxy: String? = nil) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
    }

    /// No proxy at all, whatever the environment says.
    public static let direct = ProxySettings()

    /// The proxies named by `environment`, or by the process environment when nil.
    public static func environment(_ environment: [String: String]? = nil) -> ProxySettings {
        let environment = environment ?? ProcessInfo.processInfo.environment
        func value(_ names: String...) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        let all = value("all_proxy", "ALL_PROXY")
        return ProxySettings(
            httpProxy: value("http_proxy") ?? all, httpsProxy: value("https_proxy", "HTTPS_PROXY") ?? all,
            noProxy: value("no_proxy", "NO_PROXY"))
    }

    /// The proxy for a URL by its scheme, or nil to connect directly.
    public func proxy(for url: String) -> String? {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        switch scheme {
        case "http": return httpProxy
        case "https": return httpsProxy
        default: return nil
        }
    }
}
