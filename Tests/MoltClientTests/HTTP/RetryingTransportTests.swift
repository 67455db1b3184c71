import Foundation
import MoltClient
import MoltServer
import Testing

@Suite("retries over a real loopback server", .timeLimit(.minutes(1)))
struct RetryingTransportTests {
    static let fast = RetryPolicy(maximumAttempts: 3, baseDelay: .milliseconds(10), maximumDelay: .seconds(3))

    /// Answers the first `failures` requests with `status` (and `headers`), then 200.
    static func failing(_ failures: Int, status: Int, headers: HTTPHeaders = [:]) -> HTTPServer.Handler {
        let counter = Counter()
        return { _ in
            counter.next() <= failures
                ? HTTPResponse(status: status, contentType: "text/plain", bytes: Array("busy".utf8), headers: headers)
                : .text("done")
        }
    }

    @Test("a GET answered 503 with Retry-After: 1 waits a second, retries with the same request id, succeeds")
    func retryAfterSeconds() async throws {
        try await LoopbackServer.with(handler: Self.failing(1, status: 503, headers: ["Retry-After": "1"])) { server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let started = ContinuousClock.now
            let response = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/r"))
            let elapsed = ContinuousClock.now - started
            #expect(response.status == 200)
            #expect(response.text == "done")
            #expect(response.metrics.attempts == 2)
            #expect(elapsed >= .milliseconds(950))
            let ids = server.requests.map { $0.headers["X-Request-ID"] }
            #expect(ids.count == 2)
            #expect(ids[0] != nil && ids[0] == ids[1])
        }
    }

    @Test("a 429 with an HTTP-date Retry-After waits until that date")
    func retryAfterDate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(2))
        try await LoopbackServer.with(handler: Self.failing(1, status: 429, headers: ["Retry-After": date])) { server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let started = ContinuousClock.now
            let response = try await transport.send(HTTPClientRequest(method: .delete, url: server.baseURL + "/d"))
            #expect(response.status == 200)
            #expect(response.metrics.attempts == 2)
            #expect(ContinuousClock.now - started >= .milliseconds(900))
        }
    }

    @Test("POST and PATCH are never retried, even on 503")
    func noRetryForNonIdempotent() async throws {
        try await LoopbackServer.with(handler: Self.failing(10, status: 503)) { server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let post = try await transport.send(HTTPClientRequest(method: .post, url: server.baseURL + "/p"))
            let patch = try await transport.send(HTTPClientRequest(method: .patch, url: server.baseURL + "/q"))
            #expect(post.status == 503)
            #expect(patch.status == 503)
            #expect(post.metrics.attempts == 1)
            #expect(server.requests.map(\.methodName) == ["POST", "PATCH"])
        }
    }

    @Test("gives up after the maximum attempts and returns the last response")
    func exhausted() async throws {
        try await LoopbackServer.with(handler: Self.failing(10, status: 503)) { server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let response = try await transport.send(HTTPClientRequest(method: .put, url: server.baseURL + "/u"))
            #expect(response.status == 503)
            #expect(response.metrics.attempts == 3)
            #expect(server.requests.count == 3)
        }
    }

    @Test("other error statuses are not retried")
    func noRetryForOtherStatuses() async throws {
        try await LoopbackServer.with(handler: Self.failing(10, status: 500)) { server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let response = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL))
            #expect(response.status == 500)
            #expect(server.requests.count == 1)
        }
    }

    @Test("a Retry-After longer than the maximum delay is returned instead of waited for")
    func retryAfterTooLong() async throws {
        try await LoopbackServer.with(handler: Self.failing(1, status: 503, headers: ["Retry-After": "120"])) {
            server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let started = ContinuousClock.now
            let response = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL))
            #expect(response.status == 503)
            #expect(response.headers["Retry-After"] == "120")
            // Waiting would take 120 s.
            #expect(ContinuousClock.now - started < .seconds(30))
        }
    }

    @Test("connection failures are retried for GET and not for POST")
    func connectionFailures() async throws {
        let port = try Blackhole().port  // closed as soon as created: connections are refused
        let url = "http://127.0.0.1:\(port)/"
        let counting = CountingTransport()
        let transport = RetryingTransport(base: counting, policy: Self.fast)
        let getError = await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPClientRequest(method: .get, url: url))
        }
        #expect(getError?.code == .connectionRefused)
        #expect(counting.requests.count == 3)
        #expect(Set(counting.requests.compactMap(\.requestID)).count == 1)
        await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPClientRequest(method: .post, url: url))
        }
        #expect(counting.requests.count == 4)
    }

    @Test("cancelling during a Retry-After wait ends the request at once")
    func cancelDuringWait() async throws {
        try await LoopbackServer.with(handler: Self.failing(10, status: 503, headers: ["Retry-After": "2"])) {
            server in
            let transport = RetryingTransport(base: CurlTransport(), policy: Self.fast)
            let task = Task { try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL)) }
            #expect(await eventually { server.requests.count == 1 })
            try await Task.sleep(for: .milliseconds(100))  // the 503 is back; the 2 s wait has begun
            let cancelled = ContinuousClock.now
            task.cancel()
            let error = await #expect(throws: HTTPTransportError.self) { try await task.value }
            #expect(error?.code == .cancelled)
            #expect(ContinuousClock.now - cancelled < .milliseconds(1500))  // the wait would last 2 s
            #expect(server.requests.count == 1)
        }
    }
}
