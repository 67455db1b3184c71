import CCurl
import Foundation

/// One pooled libcurl easy handle with its own multi handle: the unit a transfer runs on.
///
/// The easy handle keeps its connections (and the multi handle its connection cache) between transfers, so
/// consecutive requests through the same handle reuse a keep-alive connection. The transfer loop is the one
/// `curl_easy_perform` runs internally (`curl_multi_perform` + `curl_multi_poll`), written out so that
/// ``wakeUp()`` (`curl_multi_wakeup`, callable from any thread) can interrupt the poll the moment a task is
/// cancelled instead of up to a second later.
///
/// `@unchecked Sendable`: the handle is used by one transfer at a time (the pool lends it out and takes it
/// back); the only call from another thread is `curl_multi_wakeup`, which libcurl documents as thread-safe.
final class CurlHandle: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    private let multi: UnsafeMutableRawPointer
    let share: CurlShare?

    init?(share: CurlShare?) {
        CurlLibrary.ensureInitialized()
        guard let easy = curl_easy_init() else { return nil }
        guard let multi = curl_multi_init() else {
            curl_easy_cleanup(easy)
            return nil
        }
        self.easy = easy
        self.multi = multi
        self.share = share
        // Set once: curl_easy_reset keeps a handle's share, so each transfer does not re-attach it.
        if let share { _ = ccurl_setopt_share(easy, share.raw) }
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_multi_cleanup(multi)
    }

    /// Interrupts a running `curl_multi_poll` so the transfer loop notices cancellation at once.
    func wakeUp() {
        _ = curl_multi_wakeup(multi)
    }

    /// Runs `request` to completion on the calling (blocking-pool) thread.
    func perform(
        _ request: HTTPClientRequest, configuration: CurlTransportConfiguration, transfer: CurlTransfer
    ) -> Result<HTTPClientResponse, HTTPTransportError> {
        let started = ContinuousClock.now
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        let code: CURLcode = withExtendedLifetime(transfer) {
            errorBuffer.withUnsafeMutableBufferPointer { buffer in
                let context = Unmanaged.passUnretained(transfer).toOpaque()
                guard configure(request, configuration: configuration, context: context, headers: &headerList) else {
                    return CURLE_URL_MALFORMAT
                }
                _ = ccurl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, buffer.baseAddress)
                let code = run(transfer)
                _ = ccurl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, nil)
                return code
            }
        }
        let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard code == CURLE_OK else {
            return .failure(error(for: code, request: request, transfer: transfer, detail: detail))
        }
        var status = 0
        var connects = 0
        var localPort = 0
        _ = ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        _ = ccurl_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &connects)
        _ = ccurl_getinfo_long(easy, CURLINFO_LOCAL_PORT, &localPort)
        let metrics = HTTPTransferMetrics(
            attempts: 1, newConnections: connects, localPort: localPort, duration: ContinuousClock.now - started)
        return .success(
            HTTPClientResponse(status: status, headers: transfer.headers, body: transfer.body, metrics: metrics))
    }

    /// `curl_easy_perform`'s loop, checking for cancellation after every wake-up.
    private func run(_ transfer: CurlTransfer) -> CURLcode {
        guard curl_multi_add_handle(multi, easy) == CURLM_OK else { return CURLE_FAILED_INIT }
        defer { curl_multi_remove_handle(multi, easy) }
        var running: Int32 = 1
        while running > 0 {
            guard curl_multi_perform(multi, &running) == CURLM_OK else { return CURLE_FAILED_INIT }
            guard running > 0 else { break }
            // The progress callback normally aborts a cancelled transfer inside curl_multi_perform; this is
            // the backstop for a state in which libcurl did not call it.
            if transfer.isCancelled { return CURLE_ABORTED_BY_CALLBACK }
            guard curl_multi_poll(multi, nil, 0, 1000, nil) == CURLM_OK else { return CURLE_FAILED_INIT }
        }
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            if message.pointee.msg == CURLMSG_DONE {
                return message.pointee.data.result
            }
        }
        return CURLE_FAILED_INIT
    }
}
