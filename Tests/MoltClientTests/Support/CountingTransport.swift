import MoltClient
import Synchronization

/// Wraps a real transport and records every request that reaches it (to count retry attempts).
final class CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    private let sent = Mutex<[HTTPClientRequest]>([])

    init(base: any HTTPTransport = CurlTransport()) {
        self.base = base
    }

    var requests: [HTTPClientRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        sent.withLock { $0.append(request) }
        return try await base.send(request)
    }
}
