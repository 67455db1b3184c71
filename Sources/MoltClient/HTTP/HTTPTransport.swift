/// Sends one HTTP request and returns its response: the single seam between MoltClient and the network.
///
/// `CurlTransport` talks to the network; ``RetryingTransport`` and ``AuthenticatingTransport`` wrap any
/// transport to add behaviour, and tests may write their own. A transport returns every HTTP response,
/// whatever its status; it throws only when no response arrived (``HTTPTransportError``) or the task was
/// cancelled.
///
/// Writing one takes a single method:
/// ```swift
/// struct RecordingTransport: HTTPTransport {
///     let base: any HTTPTransport
///     func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
///         print(request.method, request.redactedURL)
///         return try await base.send(request)
///     }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    /// - Throws: ``HTTPTransportError`` when no response was received (refused, timed out, TLS failure,
    ///   cancelled…).
    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse
}
