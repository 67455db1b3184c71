import Foundation
import MoltServer
import Synchronization

/// A bare HTTP listener on 127.0.0.1 with a scripted handler, recording every request it receives.
final class LoopbackServer: Sendable {
    let server: HTTPServer
    private let log: RequestLog

    var port: UInt16 { server.port }
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests received so far, in arrival order.
    var requests: [HTTPRequest] { log.requests.withLock { $0 } }

    private init(server: HTTPServer, log: RequestLog) {
        self.server = server
        self.log = log
    }

    /// Starts a listener with `handler`, runs `body`, then shuts the listener down.
    static func with<T>(
        threads: Int = 2, handler: @escaping HTTPServer.Handler, _ body: (LoopbackServer) async throws -> T
    ) async throws -> T {
        let log = RequestLog()
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: threads),
            handler: { request in
                log.requests.withLock { $0.append(request) }
                return await handler(request)
            },
            rejector: { _, _ in .text("rejected", status: 413) })
        let loopback = LoopbackServer(server: server, log: log)
        do {
            let value = try await body(loopback)
            await server.shutdown(gracePeriod: .seconds(10))
            return value
        } catch {
            await server.shutdown(gracePeriod: .seconds(10))
            throw error
        }
    }

    private final class RequestLog: Sendable {
        let requests = Mutex<[HTTPRequest]>([])
    }
}

/// Counts calls across tasks (a handler's script step, for example).
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new count.
    @discardableResult
    func next() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }

    var current: Int { value.load(ordering: .relaxed) }
}
