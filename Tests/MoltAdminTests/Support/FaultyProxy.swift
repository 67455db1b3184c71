import Foundation
import MoltClient
import MoltServer
import Synchronization

/// An HTTP proxy on 127.0.0.1 in front of a real server that answers one chosen request with a 500 problem
/// instead of forwarding it: the `failAt`-th request matching `fails`, so a batch breaks part way.
final class FaultyProxy: Sendable {
    let server: HTTPServer

    var baseURL: String { "http://127.0.0.1:\(server.port)" }

    private init(server: HTTPServer) {
        self.server = server
    }

    /// Runs `body` with a proxy to `upstream`.
    static func with<T: Sendable>(
        upstream: String, failAt: Int, fails: @escaping @Sendable (HTTPRequest) -> Bool,
        _ body: (FaultyProxy) async throws -> T
    ) async throws -> T {
        let transport = CurlTransport()
        let counter = Counter()
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 8),
            handler: { request in
                if fails(request), counter.next() == failAt {
                    return .json(
                        Array(
                            #"{"type":"https://themolt.net/problems/internal-server-error","title":"Internal Server Error","status":500,"code":"INTERNAL_SERVER_ERROR","detail":"An unexpected error occurred"}"#
                                .utf8),
                        status: 500)
                }
                var headers: HTTPClientHeaders = [:]
                for (name, value) in request.headers
                where !["host", "content-length", "connection"].contains(name.lowercased()) {
                    headers.add(name, value)
                }
                do {
                    let response = try await transport.send(
                        HTTPClientRequest(
                            method: .init(rawValue: request.methodName), url: upstream + request.target,
                            headers: headers,
                            body: request.body.isEmpty ? nil : request.body))
                    var answer = HTTPHeaders()
                    for (name, value) in response.headers
                    where !["content-length", "connection", "transfer-encoding"].contains(name.lowercased()) {
                        answer.add(name, value)
                    }
                    return HTTPResponse(status: response.status, headers: answer, body: .bytes(response.body))
                } catch {
                    return .text("proxy: \(error)", status: 502)
                }
            },
            rejector: { _, _ in .text("rejected", status: 413) })
        let proxy = FaultyProxy(server: server)
        do {
            let value = try await body(proxy)
            await server.shutdown(gracePeriod: .seconds(5))
            return value
        } catch {
            await server.shutdown(gracePeriod: .seconds(5))
            throw error
        }
    }
}

/// Counts calls across tasks.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}
