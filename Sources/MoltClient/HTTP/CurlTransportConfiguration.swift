public import MoltCore

/// How a ``CurlTransport`` connects: timeouts, TLS, proxies, the handle pool and the user agent.
public struct CurlTransportConfiguration: Sendable, Equatable {
    /// Whether the server's TLS certificate is checked.
    public enum TLSVerification: Sendable, Equatable {
        /// Verify the certificate chain and the host name (the default).
        case verify
        /// Verify against the CA certificates in this PEM file instead of the system's.
        case verifyWithCertificateAuthorities(path: String)
        /// Accept any certificate. Only for tests against servers with throwaway certificates.
        case insecureSkipVerification
    }

    /// The longest wait for a connection (TCP and TLS handshakes).
    public var connectTimeout: Duration
    /// The longest a whole request may take, from connecting to the last body byte.
    public var timeout: Duration
    public var tlsVerification: TLSVerification
    public var proxy: ProxySettings
    /// Idle easy handles kept (each keeps its connections open for reuse).
    public var maximumIdleHandles: Int
    /// Sent as `User-Agent`.
    public var userAgent: String

    public init(
        connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
        tlsVerification: TLSVerification = .verify, proxy: ProxySettings = .environment(),
        maximumIdleHandles: Int = 8, userAgent: String = "MoltClient/\(MoltVersion.current)"
    ) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.tlsVerification = tlsVerification
        self.proxy = proxy
        self.maximumIdleHandles = maximumIdleHandles
        self.userAgent = userAgent
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 (libcurl reads 0 as "no timeout").
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds < Int64(Int.max / 1000) - 1 else { return Int.max }
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
