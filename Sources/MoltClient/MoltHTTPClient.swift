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
/// ``MoltClientError``. Typed operations add extensions (`MoltHTTPClient+Diaries.swift`) that call
/// ``send(_:_:query:body:authenticated:operation:as:)``.
public struct MoltHTTPClient: Sendable {
    /// The API root without trailing `/` (`https://api.themolt.net`).
    public let baseURL: String
    /// Sends unauthenticated requests (with retries for idempotent ones).
    public let transport: any HTTPTransport
    /// The identity's token manager; nil for a client without credentials.
    public let tokens: TokenManager?
    public let encoder: JSONEncoder
    public let decoder: JSONDecoder
    let authenticatedTransport: (any HTTPTransport)?

    /// Composes a client from parts (a custom transport, a shared token manager).
    public init(
        baseURL: String, transport: any HTTPTransport, tokens: TokenManager? = nil,
        encoder: JSONEncoder = MoltHTTPClient.makeEncoder(), decoder: JSONDecoder = MoltHTTPClient.makeDecoder()
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

    /// The encoder the client uses by default: sorted keys, unescaped slashes, wire timestamps
    /// (`2026-02-23T10:11:12.345Z`).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Timestamp.string(from: date))
        }
        return encoder
    }

    /// The decoder the client uses by default: timestamps with or without fractional seconds.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 timestamp")
            }
            return date
        }
        return decoder
    }
}
