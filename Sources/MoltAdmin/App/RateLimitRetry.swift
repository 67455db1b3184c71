import MoltClient

/// Retries a call the server refused with 429 (rate limited), waiting as long as it asks (`Retry-After`,
/// 1 to 60 seconds) up to 30 times; any other outcome is returned or thrown as is. Safe for every call: a
/// 429 means the server did nothing.
enum RateLimitRetry {
    static func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        var attempts = 0
        while true {
            do {
                return try await body()
            } catch let error as MoltAPIError where error.status == 429 && attempts < 30 {
                attempts += 1
                try await Task.sleep(for: .seconds(max(1, min(error.retryAfter ?? 1, 60))))
            }
        }
    }
}
