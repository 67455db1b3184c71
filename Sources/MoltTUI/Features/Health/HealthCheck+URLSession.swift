// SWITCH TO MOLTCLIENT: this file is the only place the console talks HTTP by itself. When MoltClient's
// `getHealth` exists, replace `HealthCheck.urlSession` with a `HealthCheck.client(_:)` that calls it, and
// delete this file; nothing else changes.
public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension HealthCheck {
    /// `GET <server>/health` with URLSession, bounded by `timeout`.
    public static func urlSession(timeout: TimeInterval = 5) -> HealthCheck {
        HealthCheck { serverURL in
            let startedAt = Date()
            let clock = ContinuousClock()
            let start = clock.now
            func elapsed() -> Double {
                let duration = clock.now - start
                return Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            }
            guard let url = URL(string: serverURL + "/health") else {
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: 0, outcome: .unreachable(reason: "invalid server URL"))
            }
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: elapsed(),
                    outcome: HealthResponse.outcome(httpStatus: status, body: data))
            } catch {
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: elapsed(), outcome: .unreachable(reason: reason(for: error)))
            }
        }
    }

    /// A short, secret-free reason for a transport error.
    static func reason(for error: any Error) -> String {
        guard let urlError = error as? URLError else { return "request failed" }
        switch urlError.code {
        case .cannotConnectToHost: return "connection refused"
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .notConnectedToInternet, .networkConnectionLost: return "network unavailable"
        case .secureConnectionFailed, .serverCertificateUntrusted: return "TLS failed"
        default: return "request failed (\(urlError.code.rawValue))"
        }
    }
}
