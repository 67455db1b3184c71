import MoltCore

/// Swaps `X-Client-Id` + `X-Client-Secret` for an access token, as the reference MCP server's proxy does
/// (spec §6): tokens are cached per client id and SHA-256 of the secret until `expires_in − 30 s`, concurrent
/// requests with the same credentials share one exchange, and after `maximumFailures` rejected exchanges in a
/// row a client id is refused for `lockout` without trying.
///
/// The exchange runs the OAuth2 provider's client_credentials grant in process (the embedded provider or
/// Hydra). Secrets are never stored, only hashed into cache keys.
actor ClientCredentialsExchange {
    /// What an exchange came to.
    enum Outcome: Sendable, Hashable {
        case token(String)
        /// Unknown client or wrong secret; the message is safe to show.
        case rejected(String)
        /// Too many rejections in a row: retry after this many seconds.
        case lockedOut(retryAfterSeconds: Int)
        /// The OAuth2 service failed.
        case unavailable
    }

    private struct CachedToken {
        let token: String
        let expires: ContinuousClock.Instant
    }

    private struct Failures {
        var count = 0
        var lockedUntil: ContinuousClock.Instant?
    }

    private let oauth2: any OAuth2Provider
    private let maximumFailures: Int
    private let lockout: Duration
    private let clock = ContinuousClock()
    private var cache: [String: CachedToken] = [:]
    private var inFlight: [String: Task<Outcome, Never>] = [:]
    private var failures: [String: Failures] = [:]
    /// Exchanges actually sent to the OAuth2 provider (cache misses), for tests and logs.
    private(set) var exchanges = 0

    init(oauth2: any OAuth2Provider, maximumFailures: Int = 5, lockout: Duration = .seconds(60)) {
        self.oauth2 = oauth2
        self.maximumFailures = maximumFailures
        self.lockout = lockout
    }

    /// A token for these credentials: cached, shared with an exchange in flight, or freshly issued.
    func token(clientID: String, secret: String) async -> Outcome {
        let now = clock.now
        if let until = failures[clientID]?.lockedUntil {
            if now < until { return .lockedOut(retryAfterSeconds: Self.seconds(until - now)) }
            failures[clientID] = nil
        }
        let key = clientID + ":" + Hex.encode(Digest.sha256(secret))
        if let cached = cache[key], now < cached.expires { return .token(cached.token) }
        if let running = inFlight[key] { return await running.value }
        let oauth2 = oauth2
        let exchange = Task { () -> (Outcome, Int) in
            do {
                let token = try await oauth2.issueToken(clientID: clientID, clientSecret: secret, scope: nil)
                return (.token(token.token), token.expiresIn)
            } catch let error as IdentityError {
                switch error.code {
                case .unauthorized, .notFound, .invalid: return (.rejected("Invalid client credentials"), 0)
                case .conflict, .unavailable: return (.unavailable, 0)
                }
            } catch {
                return (.unavailable, 0)
            }
        }
        let shared = Task { await exchange.value.0 }
        inFlight[key] = shared
        exchanges += 1
        let (outcome, lifetime) = await exchange.value
        inFlight[key] = nil
        record(outcome, lifetime: lifetime, key: key, clientID: clientID)
        return outcome
    }

    private func record(_ outcome: Outcome, lifetime: Int, key: String, clientID: String) {
        let now = clock.now
        switch outcome {
        case .token(let token):
            failures[clientID] = nil
            if cache.count > 10_000 { cache = cache.filter { now < $0.value.expires } }
            if lifetime > 30 { cache[key] = CachedToken(token: token, expires: now + .seconds(lifetime - 30)) }
        case .rejected:
            var record = failures[clientID] ?? Failures()
            record.count += 1
            if record.count >= maximumFailures { record.lockedUntil = now + lockout }
            failures[clientID] = record
        case .lockedOut, .unavailable:
            break
        }
    }

    private static func seconds(_ duration: Duration) -> Int {
        max(1, Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18).rounded(.up)))
    }
}
