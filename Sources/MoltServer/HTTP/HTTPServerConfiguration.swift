/// How the HTTP listener is set up: address, threads, timeouts and limits.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// The IPv4 address to bind (`127.0.0.1` keeps it on loopback; `0.0.0.0` listens everywhere).
    public var host: String
    /// The TCP port; 0 picks a free one (read it back from `HTTPServer.port`).
    public var port: UInt16
    /// Threads polling connections (epoll). Handlers run as Swift tasks, never on these threads.
    public var threads: Int
    /// Seconds of inactivity after which a connection (including a slow request read) is closed.
    public var connectionTimeoutSeconds: Int
    /// The largest request body accepted; larger ones get 413.
    public var maximumBodyBytes: Int
    /// The most simultaneous connections.
    public var connectionLimit: Int

    public init(
        host: String = "127.0.0.1", port: UInt16 = 8000, threads: Int = 4, connectionTimeoutSeconds: Int = 30,
        maximumBodyBytes: Int = 1 << 20, connectionLimit: Int = 1024
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maximumBodyBytes = maximumBodyBytes
        self.connectionLimit = connectionLimit
    }
}

/// A request the listener refused before the application saw it; the application renders the response.
public enum HTTPListenerRejection: Sendable, Equatable {
    /// The body is larger than `maximumBodyBytes`.
    case bodyTooLarge(limit: Int)
}
