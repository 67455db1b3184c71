import CMicroHTTPD
import Synchronization

/// A response body written piece by piece while the client reads it (server-sent events, streamed MCP).
///
/// The application writes with `write(_:)` and ends with `finish()`. The daemon reads from MHD's threads; when
/// nothing is buffered it suspends the connection, and the next write resumes it, so no thread waits.
/// When the client goes away `isCancelled` turns true and writes return false.
public final class ResponseStream: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var readOffset = 0
        var finished = false
        var cancelled = false
        var suspended: ConnectionPointer?
    }

    private let state = Mutex(State())

    public init() {}

    /// Appends bytes for the client; false once the client has gone (stop producing then).
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        state.withLock { state in
            guard !state.cancelled, !state.finished else { return false }
            state.buffer += bytes
            Self.resumeIfSuspended(&state)
            return true
        }
    }

    /// Appends UTF-8 text.
    @discardableResult
    public func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Ends the body after what is buffered has been sent.
    public func finish() {
        state.withLock { state in
            state.finished = true
            Self.resumeIfSuspended(&state)
        }
    }

    /// Whether the client disconnected (or the server is shutting the stream down).
    public var isCancelled: Bool {
        state.withLock { $0.cancelled }
    }

    /// Marks the stream as abandoned; called when the connection ends.
    func cancel() {
        state.withLock { state in
            state.cancelled = true
            Self.resumeIfSuspended(&state)
        }
    }

    /// MHD's content reader: copies buffered bytes, ends the stream, or suspends the connection until a write.
    func read(into destination: UnsafeMutablePointer<CChar>, capacity: Int, connection: ConnectionPointer) -> Int {
        state.withLock { state in
            let available = state.buffer.count - state.readOffset
            if available > 0 {
                let count = min(available, capacity)
                state.buffer.withUnsafeBytes { source in
                    UnsafeMutableRawPointer(destination).copyMemory(
                        from: source.baseAddress! + state.readOffset, byteCount: count)
                }
                state.readOffset += count
                if state.readOffset == state.buffer.count {
                    state.buffer.removeAll(keepingCapacity: true)
                    state.readOffset = 0
                }
                return count
            }
            if state.cancelled { return Int(MHD_CONTENT_READER_END_WITH_ERROR) }
            if state.finished { return Int(MHD_CONTENT_READER_END_OF_STREAM) }
            // Suspending inside the lock orders it before any resume from a concurrent write.
            MHD_suspend_connection(connection.raw)
            state.suspended = connection
            return 0
        }
    }

    private static func resumeIfSuspended(_ state: inout State) {
        if let connection = state.suspended {
            state.suspended = nil
            MHD_resume_connection(connection.raw)
        }
    }
}

/// An `MHD_Connection *` passed between MHD threads and Swift tasks; MHD's suspend/resume calls are
/// thread-safe and the pointer stays valid until the request-completed callback.
struct ConnectionPointer: @unchecked Sendable {
    let raw: OpaquePointer
}
