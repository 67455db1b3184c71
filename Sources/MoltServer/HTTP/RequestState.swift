import Synchronization

/// Everything the daemon keeps about one request between MHD's callbacks.
///
/// Created by the URI callback and released by the completion callback. MHD calls back for one connection
/// on one thread at a time; only `response` is handed over from the handler's task, under its mutex.
final class RequestState: @unchecked Sendable {
    enum Phase {
        /// Headers not yet read.
        case started
        /// Body chunks arriving.
        case receiving
        /// The handler is running; the connection is suspended.
        case handling
        /// A response was queued.
        case responded
    }

    let rawURI: String
    var phase = Phase.started
    var method = ""
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    var bodyTooLarge = false
    var remoteAddress = ""
    private let pendingResponse = Mutex<HTTPResponse?>(nil)
    private let stream = Mutex<ResponseStream?>(nil)

    init(rawURI: String) {
        self.rawURI = rawURI
    }

    /// Stores the handler's response (from its task) before the connection is resumed.
    func setResponse(_ response: HTTPResponse) {
        pendingResponse.withLock { $0 = response }
    }

    /// Takes the handler's response once.
    func takeResponse() -> HTTPResponse? {
        pendingResponse.withLock { response in
            let taken = response
            response = nil
            return taken
        }
    }

    /// Remembers the streaming body so it can be cancelled when the connection ends.
    func attach(_ responseStream: ResponseStream) {
        stream.withLock { $0 = responseStream }
    }

    /// Cancels a streaming body whose client went away.
    func cancelStream() {
        stream.withLock { $0?.cancel() }
    }
}
