public import MoltCore
import Synchronization

/// The HTTP transport on libcurl: keep-alive connections, timeouts, TLS verification, proxies from the
/// environment, a request id on every request, and task cancellation that aborts the transfer at once.
///
/// Owns a small pool of easy handles (each keeping its connections open) and a share handle for the DNS
/// cache and TLS sessions. Each transfer runs on a ``BlockingPool`` thread, never on Swift's cooperative
/// pool. It sends a request once: wrap it in ``RetryingTransport`` for retries. Every HTTP response is
/// returned whatever its status; only failures to get one throw ``HTTPTransportError``.
public final class CurlTransport: HTTPTransport {
    public let configuration: CurlTransportConfiguration
    private let logger: Logger
    private let blockingPool: BlockingPool
    private let share: CurlShare?
    private let idle = Mutex<[CurlHandle]>([])

    /// Creates a transport; handles are made on first use.
    /// - Parameters:
    ///   - configuration: timeouts, TLS, proxies, pool size.
    ///   - logger: receives one debug record per request (method, URL without query, status, duration).
    ///   - blockingPool: the threads transfers run on.
    public init(
        configuration: CurlTransportConfiguration = CurlTransportConfiguration(), logger: Logger = .disabled,
        blockingPool: BlockingPool = .shared
    ) {
        self.configuration = configuration
        self.logger = logger
        self.blockingPool = blockingPool
        share = CurlShare()
    }

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let request = request.identified()
        if Task.isCancelled {
            throw HTTPTransportError(.cancelled, method: request.method, url: request.redactedURL)
        }
        guard let handle = checkOut() else {
            throw HTTPTransportError(
                .other, method: request.method, url: request.redactedURL, detail: "curl_easy_init failed")
        }
        let transfer = CurlTransfer()
        let configuration = configuration
        let result = await withTaskCancellationHandler {
            await blockingPool.run { handle.perform(request, configuration: configuration, transfer: transfer) }
        } onCancel: {
            transfer.cancel()
            handle.wakeUp()
        }
        checkIn(handle)
        log(request, result)
        return try result.get()
    }

    /// Idle handles ready for reuse (for tests and diagnostics).
    public var idleHandleCount: Int {
        idle.withLock { $0.count }
    }

    private func checkOut() -> CurlHandle? {
        idle.withLock { $0.popLast() } ?? CurlHandle(share: share)
    }

    private func checkIn(_ handle: CurlHandle) {
        idle.withLock { handles in
            if handles.count < configuration.maximumIdleHandles { handles.append(handle) }
        }
    }

    private func log(_ request: HTTPClientRequest, _ result: Result<HTTPClientResponse, HTTPTransportError>) {
        var metadata = [
            "http.method": request.method.rawValue, "http.url": request.redactedURL,
            "request.id": request.requestID ?? "",
        ]
        switch result {
        case .success(let response):
            metadata["http.status"] = String(response.status)
            metadata["http.duration_ms"] = String(response.metrics.duration.curlMilliseconds)
            metadata["http.new_connections"] = String(response.metrics.newConnections)
            logger.debug("HTTP request completed.", metadata)
        case .failure(let error):
            metadata["error"] = error.description
            logger.debug("HTTP request failed.", metadata)
        }
    }
}
