import CCurl
import Foundation
import Synchronization

/// The state of one transfer while libcurl runs it: the response being received and the cancellation flag.
///
/// libcurl's callbacks reach it through their `void *` user data. `@unchecked Sendable`: the body and header
/// buffers are only touched by the blocking-pool thread running the transfer (inside libcurl callbacks, then
/// by the same thread reading the result); only `cancelled` is shared, and it is atomic.
final class CurlTransfer: @unchecked Sendable {
    private let cancelledFlag = Atomic<Bool>(false)
    var body: [UInt8] = []
    var headers = HTTPClientHeaders()

    /// Asks the transfer to stop; the progress callback aborts it at libcurl's next call.
    func cancel() {
        cancelledFlag.store(true, ordering: .releasing)
    }

    var isCancelled: Bool {
        cancelledFlag.load(ordering: .acquiring)
    }

    /// Takes one raw header line (`Name: value\r\n`, a status line, or the blank line ending a block).
    func receiveHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = HTTPClientHeaders()  // a new response (after 100 Continue or a proxy CONNECT)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return }
        headers.add(name, value)
    }
}

/// Appends received body bytes to the transfer.
let curlWriteBody: ccurl_data_callback = { data, size, count, context in
    let length = size * count
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if length > 0, let data {
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
    }
    return length
}

/// Parses one received header line into the transfer.
let curlReceiveHeader: ccurl_data_callback = { data, size, count, context in
    let length = size * count
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if length > 0, let data {
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        transfer.receiveHeaderLine(line)
    }
    return length
}

/// Called by libcurl often while a transfer runs; a non-zero return aborts it with
/// `CURLE_ABORTED_BY_CALLBACK`, which is how task cancellation reaches libcurl.
let curlProgress: ccurl_progress_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
