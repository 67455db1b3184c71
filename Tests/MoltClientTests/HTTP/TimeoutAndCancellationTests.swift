import MoltClient
import MoltServer
import Testing

@Suite("libcurl transport timeouts and cancellation", .timeLimit(.minutes(1)))
struct TimeoutAndCancellationTests {
    /// Answers after two seconds: longer than every client timeout below, shorter than the listener's
    /// shutdown grace period (libmicrohttpd aborts if stopped with a handler still running).
    static let slow: HTTPServer.Handler = { _ in
        try? await Task.sleep(for: .seconds(2))
        return .text("late")
    }

    @Test("a connection that never completes fails with connectTimeout after the connect timeout")
    func connectTimeout() async throws {
        let blackhole = try Blackhole()
        let transport = CurlTransport(configuration: CurlTransportConfiguration(connectTimeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await transport.send(HTTPClientRequest(method: .get, url: "http://127.0.0.1:\(blackhole.port)/"))
        }
        let elapsed = ContinuousClock.now - started
        #expect(error?.code == .connectTimeout)
        #expect(elapsed >= .milliseconds(250))
        #expect(elapsed < .seconds(8))  // the blackhole would hold the connection forever
        withExtendedLifetime(blackhole) {}
    }

    @Test("a slow response fails with timeout after the total timeout")
    func totalTimeout() async throws {
        try await LoopbackServer.with(handler: Self.slow) { server in
            let transport = CurlTransport(configuration: CurlTransportConfiguration(timeout: .milliseconds(400)))
            let started = ContinuousClock.now
            let error = await #expect(throws: HTTPTransportError.self) {
                _ = try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/slow"))
            }
            let elapsed = ContinuousClock.now - started
            #expect(error?.code == .timeout)
            #expect(elapsed >= .milliseconds(350))
            #expect(elapsed < .seconds(10))  // without the timeout the 2 s answer would arrive and succeed
        }
    }

    @Test("a per-request timeout overrides the transport's")
    func perRequestTimeout() async throws {
        try await LoopbackServer.with(handler: Self.slow) { server in
            let transport = CurlTransport(configuration: CurlTransportConfiguration(timeout: .seconds(30)))
            let error = await #expect(throws: HTTPTransportError.self) {
                _ = try await transport.send(
                    HTTPClientRequest(method: .get, url: server.baseURL, timeout: .milliseconds(200)))
            }
            #expect(error?.code == .timeout)
        }
    }

    @Test("cancelling the task aborts a transfer waiting on the server within a fraction of a second")
    func cancellation() async throws {
        try await LoopbackServer.with(handler: Self.slow) { server in
            let transport = CurlTransport()
            let task = Task {
                try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL + "/slow"))
            }
            #expect(await eventually { server.requests.count == 1 })  // the server is now working on it
            try await Task.sleep(for: .milliseconds(50))
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let latency = ContinuousClock.now - cancelled
            let error = #expect(throws: HTTPTransportError.self) { try result.get() }
            #expect(error?.code == .cancelled)
            #expect(error?.curlCode == 42)
            // Well before the server's 2 s answer (bounds are loose: the machine is shared).
            #expect(latency < .milliseconds(1500))
        }
    }

    @Test("a task cancelled before sending fails without touching the network")
    func cancelledBeforeSending() async throws {
        try await LoopbackServer.with(handler: { _ in .text("ok") }) { server in
            let transport = CurlTransport()
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL))
            }
            let error = await #expect(throws: HTTPTransportError.self) { try await task.value }
            #expect(error?.code == .cancelled)
            #expect(server.requests.isEmpty)
        }
    }

    @Test("a closed port fails with connectionRefused and a description without the query")
    func refused() async throws {
        let blackhole = try Blackhole()
        let port = blackhole.port
        _ = consume blackhole
        let error = await #expect(throws: HTTPTransportError.self) {
            _ = try await CurlTransport().send(
                HTTPClientRequest(method: .get, url: "http://127.0.0.1:\(port)/x?token=s3cret"))
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.isConnectionFailure == true)
        #expect(error?.description == "connection refused (GET http://127.0.0.1:\(port)/x)")
        #expect(error?.description.contains("s3cret") == false)
    }
}
