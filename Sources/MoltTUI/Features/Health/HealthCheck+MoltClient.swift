import Foundation
public import MoltClient

extension HealthCheck {
    /// `GET <server>/health` through MoltClient's transport (libcurl), whatever the status: a 2xx with
    /// `status: ok` is healthy, another answer is unhealthy with its problem's title and detail, no answer is
    /// unreachable with a short reason (`connection refused`, `timed out`).
    /// - Parameters:
    ///   - client: the client whose transport is used (its base URL is ignored: the check's URL is used).
    ///   - path: the health route (`/health`; `/health/alive` on an admin listener).
    public static func client(_ client: MoltAPIClient, path: String = "/health") -> HealthCheck {
        let transport = client.http.transport
        return HealthCheck { serverURL in
            let startedAt = Date()
            let clock = ContinuousClock()
            let start = clock.now
            func elapsed() -> Double { (clock.now - start).timeInterval * 1000 }
            let request = HTTPClientRequest(
                method: .get, url: serverURL + path, headers: ["Accept": "application/json"])
            do {
                let response = try await transport.send(request)
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: elapsed(),
                    outcome: HealthResponse.outcome(httpStatus: response.status, body: Data(response.body)))
            } catch let error as HTTPTransportError {
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: elapsed(),
                    outcome: .unreachable(reason: ConsoleFailure.reason(for: error.code)))
            } catch {
                return HealthCheckResult(
                    startedAt: startedAt, milliseconds: elapsed(), outcome: .unreachable(reason: "request failed"))
            }
        }
    }

    /// A check on a dedicated client without retries and with short timeouts (3 s to connect, 5 s in all),
    /// so a down server is reported quickly.
    public static func client() -> HealthCheck {
        client(
            MoltAPIClient(
                baseURL: "http://127.0.0.1",
                configuration: CurlTransportConfiguration(connectTimeout: .seconds(3), timeout: .seconds(5)),
                retryPolicy: .none))
    }
}
