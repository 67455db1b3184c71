/// A request that got no HTTP response: the connection failed, timed out, TLS failed, or it was cancelled.
///
/// `description` names the failure, the method and the URL without its query; it never contains headers,
/// bodies or tokens. The libcurl message (which may name hosts and addresses) is in `debugDescription`.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// What went wrong.
    public enum Code: Sendable, Equatable {
        /// The host name did not resolve.
        case hostNotFound
        /// The server (or proxy) refused the connection.
        case connectionRefused
        /// No connection was established within the connect timeout.
        case connectTimeout
        /// The whole request took longer than its total timeout.
        case timeout
        /// The connection broke while sending or receiving, or closed without a response.
        case connectionLost
        /// The TLS handshake failed.
        case tlsHandshake
        /// The server's certificate was not trusted or did not match the host.
        case tlsCertificate
        /// The request could not be sent as given (malformed URL, unsupported scheme).
        case invalidRequest
        /// The task was cancelled.
        case cancelled
        /// Any other libcurl failure.
        case other
    }

    public let code: Code
    public let method: HTTPClientRequest.Method
    /// The URL without query or user information.
    public let url: String
    /// The libcurl result code, or 0 when the error did not come from libcurl.
    public let curlCode: Int
    /// libcurl's own message, for `debugDescription` only.
    let detail: String

    public init(
        _ code: Code, method: HTTPClientRequest.Method, url: String, curlCode: Int = 0, detail: String = ""
    ) {
        self.code = code
        self.method = method
        self.url = url
        self.curlCode = curlCode
        self.detail = detail
    }

    /// Whether the failure happened before the server could have acted on the request, or mid-way on a
    /// connection: the failures worth retrying for idempotent requests.
    public var isConnectionFailure: Bool {
        switch code {
        case .hostNotFound, .connectionRefused, .connectTimeout, .connectionLost: true
        case .timeout, .tlsHandshake, .tlsCertificate, .invalidRequest, .cancelled, .other: false
        }
    }

    public var description: String {
        "\(Self.summary(code)) (\(method) \(url))"
    }

    public var debugDescription: String {
        detail.isEmpty ? description : "\(description): \(detail) [curl \(curlCode)]"
    }

    private static func summary(_ code: Code) -> String {
        switch code {
        case .hostNotFound: "host not found"
        case .connectionRefused: "connection refused"
        case .connectTimeout: "connection timed out"
        case .timeout: "request timed out"
        case .connectionLost: "connection lost"
        case .tlsHandshake: "TLS handshake failed"
        case .tlsCertificate: "TLS certificate not trusted"
        case .invalidRequest: "invalid request"
        case .cancelled: "request cancelled"
        case .other: "transfer failed"
        }
    }
}
