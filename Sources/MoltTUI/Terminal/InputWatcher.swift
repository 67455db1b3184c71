import Dispatch
import Synchronization

/// Tells the runtime when keys are waiting on standard input, without reading them (curses reads them on
/// the runtime's thread, so all curses calls stay on one thread).
///
/// A dispatch read source fires when input is readable; it then pauses until the runtime has drained the
/// input and calls `resume()`, so it never spins on input that is already being handled.
public final class InputWatcher: Sendable {
    private let source: SourceBox
    private let suspended = Mutex(false)
    private let ready: @Sendable () -> Void

    private struct SourceBox: @unchecked Sendable {
        // DispatchSourceRead is thread-safe; it is only suspended, resumed and cancelled, under `suspended`'s lock.
        let source: any DispatchSourceRead
    }

    /// Watches `descriptor` (standard input by default) and calls `ready` each time input is waiting.
    public init(descriptor: Int32 = 0, ready: @escaping @Sendable () -> Void) {
        let box = SourceBox(
            source: DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .global(qos: .userInteractive)))
        self.source = box
        self.ready = ready
        box.source.setEventHandler { [weak self] in self?.inputArrived() }
        box.source.resume()
    }

    private func inputArrived() {
        let paused = suspended.withLock { isSuspended in
            guard !isSuspended else { return false }
            isSuspended = true
            source.source.suspend()
            return true
        }
        if paused { ready() }
    }

    /// Watches again after the runtime drained the input.
    public func resume() {
        suspended.withLock { isSuspended in
            guard isSuspended else { return }
            isSuspended = false
            source.source.resume()
        }
    }

    /// Stops watching.
    public func cancel() {
        suspended.withLock { isSuspended in
            source.source.cancel()
            if isSuspended {
                isSuspended = false
                source.source.resume()
            }
        }
    }
}
