public import Foundation
public import MoltCore

/// Gets, caches and refreshes one identity's access token with the OAuth2 `client_credentials` grant.
///
/// `POST <api>/oauth2/token` with the form body `grant_type=client_credentials&client_id=…&client_secret=…`
/// (spec §7.3). The token is kept in memory only and reused until less than `refreshMargin` (5 minutes) of
/// its life remains. Concurrent callers never cause two refreshes: while one is running, every caller waits
/// for it and gets its result. After a 401, ``refreshedToken(replacing:)`` refreshes once, or hands back
/// the token another caller already refreshed. Use one manager per identity, shared by every client of it.
public actor TokenManager {
    public nonisolated let credentials: ClientCredentials
    /// The token endpoint, `<api>/oauth2/token`.
    public nonisolated let tokenURL: String
    private let transport: any HTTPTransport
    private let refreshMargin: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var cached: AccessToken?
    private var inFlight: Task<AccessToken, any Error>?
    /// Token requests sent so far (each refresh counts once, however many callers shared it).
    public private(set) var tokenRequests = 0

    /// - Parameters:
    ///   - credentials: the client id and secret.
    ///   - apiBaseURL: the API root (`https://api.themolt.net`); the token URL is `<apiBaseURL>/oauth2/token`.
    ///   - transport: sends the token request (not retried: it is a POST).
    ///   - refreshMargin: how much remaining life triggers a refresh.
    ///   - now: the clock, injectable for tests.
    public init(
        credentials: ClientCredentials, apiBaseURL: String, transport: any HTTPTransport,
        refreshMargin: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = .disabled
    ) {
        self.credentials = credentials
        self.tokenURL = APIBaseURL.trimmed(apiBaseURL) + "/oauth2/token"
        self.transport = transport
        self.refreshMargin = refreshMargin
        self.now = now
        self.logger = logger
    }

    /// A token valid for at least the refresh margin: the cached one, or a fresh one.
    /// - Throws: ``TokenError`` when the server refuses; ``HTTPTransportError`` when it cannot be reached.
    public func token() async throws -> AccessToken {
        if let cached, !cached.needsRefresh(at: now(), margin: refreshMargin) {
            return cached
        }
        do {
            return try await refresh()
        } catch {
            // A proactive refresh failed, but the cached token has not expired yet: keep using it.
            if let cached, cached.expiresAt > now() {
                logger.info("Token refresh failed; using the cached token until it expires.", ["error": "\(error)"])
                return cached
            }
            throw error
        }
    }

    /// A token to retry with after `rejected` got a 401: the token another caller has refreshed since, or
    /// a new one (at most one refresh runs at a time).
    public func refreshedToken(replacing rejected: AccessToken) async throws -> AccessToken {
        if let cached, !cached.isSame(as: rejected) {
            return cached
        }
        cached = nil
        return try await refresh()
    }

    /// Forgets the cached token; the next ``token()`` call fetches a new one.
    public func invalidate() {
        cached = nil
    }

    private func refresh() async throws -> AccessToken {
        if let inFlight {
            return try await inFlight.value
        }
        tokenRequests += 1
        let request = tokenRequest()
        let transport = transport
        let now = now
        let task = Task { try await Self.fetch(request, transport: transport, now: now) }
        inFlight = task
        do {
            let token = try await task.value
            cached = token
            inFlight = nil
            logger.debug("Access token refreshed.", ["oauth2.client_id": credentials.clientID])
            return token
        } catch {
            inFlight = nil
            throw error
        }
    }

    private func tokenRequest() -> HTTPClientRequest {
        let form = OAuth2TokenRequest(clientId: credentials.clientID, clientSecret: credentials.clientSecret)
        return HTTPClientRequest(
            method: .post, url: tokenURL,
            headers: ["Content-Type": MediaType.formURLEncoded.rawValue, "Accept": "application/json"],
            body: Array(form.formEncoded.utf8))
    }

    private static func fetch(
        _ request: HTTPClientRequest, transport: any HTTPTransport, now: @Sendable () -> Date
    ) async throws -> AccessToken {
        let response = try await transport.send(request)
        let issuedAt = now()
        let body = try tokenResponse(response)
        return AccessToken(
            value: body.accessToken, tokenType: body.tokenType, issuedAt: issuedAt,
            expiresAt: issuedAt.addingTimeInterval(TimeInterval(max(0, body.expiresIn))), scope: body.scope)
    }

    /// The token in a token endpoint's answer.
    /// - Throws: ``TokenError``: `.rejected` with the OAuth2 error (or problem) for a non-2xx answer,
    ///   `.invalidResponse` or `.emptyToken` for a 2xx that holds no usable token.
    static func tokenResponse(_ response: HTTPClientResponse) throws(TokenError) -> OAuth2TokenResponse {
        let data = Data(response.body)
        guard response.isSuccess else {
            throw TokenError(
                .rejected, status: response.status, oauth2Error: try? JSONCoding.decode(OAuth2Error.self, from: data),
                problem: try? JSONCoding.decode(ProblemDetails.self, from: data))
        }
        guard let body = try? JSONCoding.decode(OAuth2TokenResponse.self, from: data) else {
            throw TokenError(.invalidResponse, status: response.status)
        }
        guard !body.accessToken.value.isEmpty else { throw TokenError(.emptyToken, status: response.status) }
        return body
    }
}
