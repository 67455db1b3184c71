/// One HTTP request as a transport sends it: method, absolute URL, headers and an optional body.
///
/// A plain value: middleware-like transports (retries, authentication) copy and adjust it. The URL is
/// absolute (`http://127.0.0.1:8000/diaries?limit=5`) and already percent-encoded.
public struct HTTPClientRequest: Sendable, Equatable {
    /// An HTTP method; any token is representable.
    public struct Method: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public static let get = Method(rawValue: "GET")
        public static let head = Method(rawValue: "HEAD")
        public static let post = Method(rawValue: "POST")
        public static let put = Method(rawValue: "PUT")
        public static let patch = Method(rawValue: "PATCH")
        public static let delete = Method(rawValue: "DELETE")
        public static let options = Method(rawValue: "OPTIONS")

        /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2), which is
        /// what makes it safe to retry: GET, HEAD, PUT, DELETE, OPTIONS (and TRACE).
        public var isIdempotent: Bool {
            ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(rawValue)
        }

        public var description: String { rawValue }
    }

    /// The name of the request id header sent on every request.
    public static let requestIDHeader = "X-Request-ID"

    public var method: Method
    /// The absolute, percent-encoded URL.
    public var url: String
    public var headers: HTTPClientHeaders
    /// The body, or nil for none.
    public var body: [UInt8]?
    /// A total timeout for this request overriding the transport's, or nil to use the transport's.
    public var timeout: Duration?

    public init(
        method: Method, url: String, headers: HTTPClientHeaders = [:], body: [UInt8]? = nil,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The request id sent with this request, if one is set.
    public var requestID: String? {
        headers[Self.requestIDHeader]
    }

    /// The same request with an `X-Request-ID`: the existing one, or a fresh random UUID.
    public func identified() -> HTTPClientRequest {
        guard requestID?.isEmpty == false else {
            var copy = self
            copy.headers[Self.requestIDHeader] = UUIDString.random()
            return copy
        }
        return self
    }

    /// Scheme, host and path without the query or user information: safe to show in errors and logs.
    public var redactedURL: String {
        var text = Substring(url)
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<query] }
        if let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].firstIndex(of: "@") {
            let authorityEnd = text[schemeEnd.upperBound...].firstIndex(of: "/") ?? text.endIndex
            if at < authorityEnd { text = text[..<schemeEnd.upperBound] + text[text.index(after: at)...] }
        }
        return String(text)
    }
}
