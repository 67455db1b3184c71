import Dispatch
import Glibc

/// Turns SIGTERM and SIGINT into an async sequence, so `main` can cancel its services and shut down gracefully.
public final class SignalWatcher: Sendable {
    /// Signals received, in order.
    public let signals: AsyncStream<Int32>
    private let sources: [SignalSource]

    private struct SignalSource: @unchecked Sendable {
        // DispatchSourceSignal is thread-safe; it is only cancelled, never mutated otherwise.
        let source: any DispatchSourceSignal
    }

    /// Watches SIGTERM and SIGINT; their default actions are disabled meanwhile.
    public convenience init() {
        self.init(signalNumbers: [SIGTERM, SIGINT])
    }

    /// Watches the given signal numbers; their default actions are disabled meanwhile.
    public init(signalNumbers numbers: [Int32]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        signals = stream
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return SignalSource(source: source)
        }
    }

    /// Waits for the first signal and returns its number.
    public func next() async -> Int32? {
        for await number in signals { return number }
        return nil
    }

    deinit {
        sources.forEach { $0.source.cancel() }
    }
}
