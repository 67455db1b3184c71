public import Foundation
public import MoltCore

/// The MoltNet API client core: a base URL, a retrying libcurl transport, an optional token manager and
/// JSON coding, with one generic `send` that every typed REST operation is built on.
///
/// ```swift
/// let resolved = try CredentialResolver().resolve()
/// let client = MoltHTTPClient(resolved: resolved)
/// let health = try await client.health()
/// ```
/// Non-2xx answers throw ``MoltAPIError`` (the decoded problem); network failures throw
/// ``HTTPTransportError``; token failures ``TokenError``; encoding, decoding and missing credentials
/// ``MoltClientError``. ``MoltAPIClient`` builds the 43 typed operations of openapi.json on it.
public struct MoltHTTPClient: Sendable {
    /// The API root without trailing `/` (`https://api.themolt.net`).
    public let baseURL: String
    /// Sends unauthenticated requests (with retries for idempotent ones).
    public let transport: any HTTPTransport
    /// The identity's token manager; nil for a client without credentials.
    public let tokens: TokenManager?
    /// Encodes request bodies (``JSONCoding/encoder(prettyPrinted:)`` by default).
    public let encoder: JSONEncoder
    /// Decodes responses (``JSONCoding/decoder()`` by default).
    public let decoder: JSONDecoder
    let authenticatedTransport: (any HTTPTransport)?

    /// Composes a client from parts (a custom transport, a shared token manager).
    public init(
        baseURL: String, transport: any HTTPTransport, tokens: TokenManager? = nil,
        encoder: JSONEncoder = JSONCoding.encoder(), decoder: JSONDecoder = JSONCoding.decoder()
    ) {
        self.baseURL = APIBaseURL.trimmed(baseURL)
        self.transport = transport
        self.tokens = tokens
        self.encoder = encoder
        self.decoder = decoder
        authenticatedTransport = tokens.map { AuthenticatingTransport(base: transport, tokens: $0) }
    }

    /// A client on libcurl with retries, and a token manager when `credentials` are given.
    /// - Parameters:
    ///   - baseURL: the API root.
    ///   - credentials: the OAuth2 client credentials for authenticated calls.
    ///   - configuration: timeouts, TLS, proxies.
    ///   - retryPolicy: retries for idempotent requests.
    ///   - logger: request records at debug, retries at info.
    public init(
        baseURL: String, credentials: ClientCredentials? = nil,
        configuration: CurlTransportConfiguration = CurlTransportConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger = .disabled
    ) {
        let curl = CurlTransport(configuration: configuration, logger: logger)
        let transport = RetryingTransport(base: curl, policy: retryPolicy, logger: logger)
        let tokens = credentials.map {
            TokenManager(credentials: $0, apiBaseURL: baseURL, transport: transport, logger: logger)
        }
        self.init(baseURL: baseURL, transport: transport, tokens: tokens)
    }

    /// A client for credentials found by ``CredentialResolver``.
    public init(
        resolved: CredentialResolver.Resolved, configuration: CurlTransportConfiguration = CurlTransportConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger = .disabled
    ) {
        self.init(
            baseURL: resolved.apiBaseURL, credentials: resolved.credentials, configuration: configuration,
            retryPolicy: retryPolicy, logger: logger)
    }
}
