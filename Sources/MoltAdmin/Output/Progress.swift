import MoltCommandLine
import Synchronization

/// A batch's progress on stderr (`importing entries 120/10000`), redrawn in place, only when stderr is a
/// terminal: scripts and logs never see it.
final class Progress: Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let state = Mutex((done: 0, lastDrawn: ContinuousClock.Instant?.none))

    init(_ label: String, total: Int, enabled: Bool = StandardStreams.isErrorTerminal) {
        self.label = label
        self.total = total
        self.enabled = enabled && total > 0
    }

    /// Counts `count` more items done and redraws at most ten times a second.
    func advance(by count: Int = 1) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done += count
            let now = ContinuousClock.now
            if state.done < total, let last = state.lastDrawn, now - last < .milliseconds(100) { return nil }
            state.lastDrawn = now
            return "\r\(label) \(state.done)/\(total)"
        }
        if let line { StandardStreams.writeError(line) }
    }

    /// Ends the progress line.
    func finish() {
        guard enabled else { return }
        let drawn = state.withLock { $0.lastDrawn != nil }
        if drawn { StandardStreams.writeError("\r\u{1B}[K") }
    }
}
