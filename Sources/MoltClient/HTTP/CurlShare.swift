import CCurl
import Foundation

/// libcurl's process-wide set-up, run once before the first handle is made (`curl_global_init` is not
/// thread-safe in older libcurl; a Swift global is initialised exactly once, atomically).
enum CurlLibrary {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Makes sure `curl_global_init` ran; a failure here means libcurl cannot work at all.
    static func ensureInitialized() {
        precondition(initialized, "curl_global_init failed")
    }
}

/// A `CURLSH` share handle: the DNS cache and TLS sessions shared by every easy handle of one transport,
/// guarded by one lock per kind of shared data as libcurl requires for use from several threads.
///
/// Connections are deliberately not shared here: libcurl does not support using a shared connection cache
/// from concurrent threads. Each pooled ``CurlHandle`` keeps its own connections alive instead.
/// `@unchecked Sendable`: the `CURLSH *` is only touched by libcurl under the locks below, and freed in
/// `deinit` after every easy handle using it is gone (each handle keeps a strong reference to its share).
final class CurlShare: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    private let locks: [NSLock]

    init?() {
        CurlLibrary.ensureInitialized()
        guard let share = curl_share_init() else { return nil }
        raw = share
        locks = (0...Int(CURL_LOCK_DATA_LAST.rawValue)).map { _ in NSLock() }
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard ccurl_share_locks(share, shareLock, shareUnlock, context) == CURLSHE_OK,
            ccurl_share_data(share, CURL_LOCK_DATA_DNS) == CURLSHE_OK,
            ccurl_share_data(share, CURL_LOCK_DATA_SSL_SESSION) == CURLSHE_OK
        else {
            curl_share_cleanup(share)
            return nil
        }
    }

    deinit {
        curl_share_cleanup(raw)
    }

    fileprivate func lock(_ data: curl_lock_data) {
        locks[Self.index(data)].lock()
    }

    fileprivate func unlock(_ data: curl_lock_data) {
        locks[Self.index(data)].unlock()
    }

    private static func index(_ data: curl_lock_data) -> Int {
        min(Int(data.rawValue), Int(CURL_LOCK_DATA_LAST.rawValue))
    }
}

private let shareLock: ccurl_lock_callback = { _, data, _, context in
    guard let context else { return }
    Unmanaged<CurlShare>.fromOpaque(context).takeUnretainedValue().lock(data)
}

private let shareUnlock: ccurl_unlock_callback = { _, data, context in
    guard let context else { return }
    Unmanaged<CurlShare>.fromOpaque(context).takeUnretainedValue().unlock(data)
}
