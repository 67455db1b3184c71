/// An HTTP response as a transport received it: status, parsed headers, the whole body and transfer facts.
public struct HTTPClientResponse: Sendable, Equatable {
    public var status: Int
    /// Header fields of the final response (headers of interim 1xx responses are dropped).
    public var headers: HTTPClientHeaders
    public var body: [UInt8]
    /// Facts about the transfer that produced this response.
    public var metrics: HTTPTransferMetrics

    public init(
        status: Int, headers: HTTPClientHeaders = [:], body: [UInt8] = [],
        metrics: HTTPTransferMetrics = HTTPTransferMetrics()
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.metrics = metrics
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The media type without parameters, lower-cased (`application/problem+json`), if any.
    public var mediaType: String? {
        headers["Content-Type"].map {
            String($0.split(separator: ";", maxSplits: 1)[0]).trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

/// What happened on the wire for one response: how many attempts, whether a connection was reused.
public struct HTTPTransferMetrics: Sendable, Equatable {
    /// Attempts made, counting retries (1 when the first attempt answered).
    public var attempts: Int
    /// New connections opened for the last attempt (0 when an existing connection was reused).
    public var newConnections: Int
    /// The client's local port of the connection used (same port means same connection).
    public var localPort: Int
    /// Wall-clock time of the last attempt.
    public var duration: Duration

    public init(attempts: Int = 1, newConnections: Int = 0, localPort: Int = 0, duration: Duration = .zero) {
        self.attempts = attempts
        self.newConnections = newConnections
        self.localPort = localPort
        self.duration = duration
    }
}
