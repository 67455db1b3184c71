import Synchronization

/// A sink that keeps records in memory, so tests can assert on what was logged.
public final class InMemoryLogSink: LogSink {
    private let stored = Mutex<[LogRecord]>([])

    public init() {}

    public func write(_ record: LogRecord) {
        stored.withLock { $0.append(record) }
    }

    /// Every record written so far, in order.
    public var records: [LogRecord] {
        stored.withLock { $0 }
    }
}
