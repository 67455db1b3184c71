import CPostgres
import Foundation
import Glibc
import Synchronization

/// A notification delivered by `LISTEN`/`NOTIFY`.
public struct PostgresNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public let channel: String
    /// The payload text (empty when none was given).
    public let payload: String
    /// The backend process that sent it.
    public let senderPID: Int32

    public init(channel: String, payload: String, senderPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderPID = senderPID
    }
}

/// Listens on fixed channels over a dedicated connection and streams notifications.
///
/// The connection runs on its own thread, polling its socket; if it drops, the listener reconnects with
/// backoff and emits `.reconnected`, because notifications sent meanwhile are lost and consumers must
/// re-read whatever state they were waiting on.
public final class PostgresListener: Sendable {
    /// What the stream delivers.
    public enum Event: Sendable, Equatable {
        /// LISTEN is active (first connect or after a reconnect): re-check state that may have changed.
        case reconnected
        case notification(PostgresNotification)
    }

    /// The events, until `stop()`.
    public let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let stopped = StopFlag()

    /// Starts listening on `channels` (plain identifiers, chosen by the program).
    public init(url: String, channels: [String]) {
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let thread = Thread { [continuation, stopped] in
            Self.run(url: url, channels: channels, continuation: continuation, stopped: stopped)
        }
        thread.name = "molt-pg-listen"
        thread.start()
    }

    /// Stops the thread (within a quarter second) and finishes the stream.
    public func stop() {
        stopped.stop()
    }

    deinit {
        stop()
    }

    private static func run(
        url: String, channels: [String], continuation: AsyncStream<Event>.Continuation, stopped: StopFlag
    ) {
        defer { continuation.finish() }
        var backoff = 0.1
        while !stopped.isStopped {
            guard let connection = PQconnectdb(url), PQstatus(connection) == CONNECTION_OK else {
                Thread.sleep(forTimeInterval: backoff)
                backoff = min(backoff * 2, 5)
                continue
            }
            defer { PQfinish(connection) }
            PQsetNoticeProcessor(connection, { _, _ in }, nil)  // a dropped session's FATAL is not for stderr
            let listen = channels.map { "LISTEN \"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }
            let result = PQexec(connection, listen.joined(separator: "; "))
            let ok = PQresultStatus(result) == PGRES_COMMAND_OK
            PQclear(result)
            guard ok else { continue }
            backoff = 0.1
            continuation.yield(.reconnected)
            pump(connection, continuation: continuation, stopped: stopped)
        }
    }

    /// Reads notifications until the connection fails or the listener stops.
    private static func pump(
        _ connection: OpaquePointer, continuation: AsyncStream<Event>.Continuation, stopped: StopFlag
    ) {
        let socket = PQsocket(connection)
        while !stopped.isStopped {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            if ready < 0 && errno != EINTR { return }
            guard ready > 0 else { continue }
            guard PQconsumeInput(connection) == 1 else { return }
            while let notify = PQnotifies(connection) {
                let item = notify.pointee
                continuation.yield(
                    .notification(
                        PostgresNotification(
                            channel: String(cString: item.relname), payload: String(cString: item.extra),
                            senderPID: item.be_pid)))
                PQfreemem(notify)
            }
        }
    }
}

/// A flag set once from any thread and polled by the listener thread.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func stop() {
        value.store(true, ordering: .releasing)
    }

    var isStopped: Bool { value.load(ordering: .acquiring) }
}
