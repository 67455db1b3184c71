import Foundation
import MoltClient
import Testing

@Suite("retry policy and Retry-After parsing")
struct RetryPolicyTests {
    /// A deterministic generator (SplitMix64) so jitter bounds can be checked over many draws.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("the backoff ceiling doubles per retry and stops at the maximum delay")
    func backoffCeiling() {
        let policy = RetryPolicy(maximumAttempts: 10, baseDelay: .milliseconds(100), maximumDelay: .seconds(1))
        let ceilings = (1...6).map { policy.backoffCeiling(beforeRetry: $0) }
        #expect(
            ceilings == [
                .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1),
                .seconds(1),
            ])
    }

    @Test("full jitter spreads delays over the whole range below the ceiling")
    func jitter() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maximumDelay: .seconds(5))
        var generator = SeededGenerator(state: 42)
        let delays = (0..<1000).map { _ in policy.jitteredDelay(beforeRetry: 3, using: &generator) }
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= .milliseconds(400) })
        #expect(delays.contains { $0 < .milliseconds(40) })
        #expect(delays.contains { $0 > .milliseconds(360) })
    }

    @Test("only idempotent methods are retried, only on 429/503 or connection failures")
    func decisions() {
        let policy = RetryPolicy()
        #expect(policy.shouldRetry(.get, status: 503))
        #expect(policy.shouldRetry(.head, status: 429))
        #expect(policy.shouldRetry(.options, status: 503))
        #expect(!policy.shouldRetry(.post, status: 503))
        #expect(!policy.shouldRetry(.patch, status: 429))
        #expect(!policy.shouldRetry(.get, status: 500))
        let refused = HTTPTransportError(.connectionRefused, method: .get, url: "http://h/")
        let timedOut = HTTPTransportError(.timeout, method: .get, url: "http://h/")
        #expect(policy.shouldRetry(.delete, error: refused))
        #expect(!policy.shouldRetry(.post, error: refused))
        #expect(!policy.shouldRetry(.get, error: timedOut))
        #expect(RetryPolicy(maximumAttempts: 0).maximumAttempts == 1)
    }

    @Test("Retry-After accepts seconds and the three HTTP date forms")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.delay("120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(" 0 ", now: now) == .zero)
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:49:40 GMT", now: now) == .seconds(3))
        #expect(RetryAfter.delay("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.delay("Sun Nov  6 08:49:38 1994", now: now) == .seconds(1))
        #expect(RetryAfter.delay("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay("soon", now: now) == nil)
        #expect(RetryAfter.delay("-5", now: now) == nil)
        #expect(RetryAfter.delay("", now: now) == nil)
    }
}
