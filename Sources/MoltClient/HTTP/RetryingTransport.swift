public import MoltCore

/// A transport that retries idempotent requests on 429, 503 and connection failures, as ``RetryPolicy``
/// says, honouring `Retry-After`. Every attempt carries the same `X-Request-ID`.
///
/// Non-idempotent requests (POST, PATCH) are sent exactly once. Cancellation during a wait ends the
/// request at once with ``HTTPTransportError/Code/cancelled``.
public struct RetryingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let policy: RetryPolicy
    private let logger: Logger

    public init(base: any HTTPTransport, policy: RetryPolicy = RetryPolicy(), logger: Logger = .disabled) {
        self.base = base
        self.policy = policy
        self.logger = logger
    }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let request = request.identified()
        var generator = SystemRandomNumberGenerator()
        var attempt = 1
        while true {
            let delay: Duration
            do {
                var response = try await base.send(request)
                response.metrics.attempts = attempt
                guard attempt < policy.maximumAttempts, policy.shouldRetry(request.method, status: response.status)
                else { return response }
                if let header = response.headers["Retry-After"], let asked = RetryAfter.delay(header) {
                    guard asked <= policy.maximumDelay else { return response }
                    delay = asked
                } else {
                    delay = policy.jitteredDelay(beforeRetry: attempt, using: &generator)
                }
                note(request, attempt: attempt, delay: delay, reason: "http.status", String(response.status))
            } catch let error as HTTPTransportError {
                guard attempt < policy.maximumAttempts, policy.shouldRetry(request.method, error: error) else {
                    throw error
                }
                delay = policy.jitteredDelay(beforeRetry: attempt, using: &generator)
                note(request, attempt: attempt, delay: delay, reason: "error", error.description)
            }
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw HTTPTransportError(.cancelled, method: request.method, url: request.redactedURL)
            }
            attempt += 1
        }
    }

    private func note(_ request: HTTPClientRequest, attempt: Int, delay: Duration, reason: String, _ value: String) {
        logger.info(
            "Retrying HTTP request.",
            [
                "http.method": request.method.rawValue, "http.url": request.redactedURL,
                "request.id": request.requestID ?? "", "retry.attempt": String(attempt),
                "retry.delay_ms": String(delay.nanosecondsClamped / 1_000_000), reason: value,
            ])
    }
}
