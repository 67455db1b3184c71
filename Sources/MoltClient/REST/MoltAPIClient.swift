public import MoltCore

/// The typed MoltNet REST client: one method per operation of openapi.json (all 43), built on MoltCore's
/// ``Endpoints`` table and ``MoltHTTPClient``.
///
/// Each method renders its endpoint's path and query, encodes the body, sends it with a bearer token when
/// the endpoint requires one, and decodes the success type. Its doc comment names the operation:
/// `- Remark: POST /diaries (createDiary)`.
///
/// ```swift
/// let client = MoltAPIClient(resolved: try CredentialResolver().resolve())
/// let diary = try await client.createDiary(CreateDiaryRequest(name: "Research"))
/// let entry = try await client.createEntry(in: diary.id, CreateEntryRequest(content: "Learned about RRF"))
/// ```
/// Non-2xx answers throw ``MoltAPIError`` (the decoded problem+json); the token endpoint's refusals throw
/// ``TokenError`` (the decoded `{error, error_description}`); network failures ``HTTPTransportError``;
/// undecodable answers and missing credentials ``MoltClientError``.
public struct MoltAPIClient: Sendable {
    /// The client core: base URL, transports, token manager, JSON coding.
    public let http: MoltHTTPClient

    /// A typed client on an existing core.
    public init(_ http: MoltHTTPClient) {
        self.http = http
    }

    /// A client on libcurl with retries, and a token manager when `credentials` are given.
    public init(
        baseURL: String, credentials: ClientCredentials? = nil,
        configuration: CurlTransportConfiguration = CurlTransportConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger = .disabled
    ) {
        self.init(
            MoltHTTPClient(
                baseURL: baseURL, credentials: credentials, configuration: configuration, retryPolicy: retryPolicy,
                logger: logger))
    }

    /// A client for credentials found by ``CredentialResolver``.
    public init(
        resolved: CredentialResolver.Resolved, configuration: CurlTransportConfiguration = CurlTransportConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger = .disabled
    ) {
        self.init(
            MoltHTTPClient(resolved: resolved, configuration: configuration, retryPolicy: retryPolicy, logger: logger))
    }

    /// The API root without trailing `/`.
    public var baseURL: String { http.baseURL }
}
