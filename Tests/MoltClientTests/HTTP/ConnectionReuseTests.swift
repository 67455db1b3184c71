import MoltClient
import MoltServer
import Testing

@Suite("libcurl transport connection reuse", .timeLimit(.minutes(1)))
struct ConnectionReuseTests {
    @Test("sequential requests reuse one keep-alive connection")
    func sequentialReuse() async throws {
        try await LoopbackServer.with(handler: { _ in .text("ok") }) { server in
            let transport = CurlTransport()
            var newConnections = 0
            var ports: Set<Int> = []
            for index in 0..<10 {
                let response = try await transport.send(
                    HTTPClientRequest(method: index.isMultiple(of: 2) ? .get : .post, url: server.baseURL + "/r"))
                #expect(response.status == 200)
                newConnections += response.metrics.newConnections
                ports.insert(response.metrics.localPort)
            }
            #expect(newConnections == 1)
            #expect(ports.count == 1)
            #expect(transport.idleHandleCount == 1)
        }
    }

    @Test("concurrent requests open a connection per handle and reuse them afterwards")
    func concurrentReuse() async throws {
        let slow: HTTPServer.Handler = { _ in
            try? await Task.sleep(for: .milliseconds(100))
            return .text("ok")
        }
        try await LoopbackServer.with(threads: 4, handler: slow) { server in
            let transport = CurlTransport()
            func burst() async throws -> Int {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            try await transport.send(HTTPClientRequest(method: .get, url: server.baseURL)).metrics
                                .newConnections
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            let first = try await burst()
            let second = try await burst()
            #expect(first == 4)
            #expect(second == 0)
        }
    }
}
