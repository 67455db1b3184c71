import CCurses
import Glibc

/// Puts the terminal back as it was even when the process dies of a crash (Swift trap, segfault, abort).
///
/// Before curses starts, the original terminal mode (termios) is saved; after it starts, the escape
/// sequences that leave the alternate screen, show the cursor, reset colours (and stop mouse reporting) are
/// read from terminfo. A handler for the fatal signals then restores the mode and writes those bytes —
/// both async-signal-safe — and re-raises the signal to the previous handler (Swift's backtracer).
/// Orderly exits and SIGTERM/SIGINT/SIGHUP go through `CursesTerminal.stop()` instead.
enum TerminalRestore {
    /// The fatal signals watched.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Saves the terminal mode (call before `initscr`).
    static func saveOriginalMode() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        restoreState.mode = mode
        restoreState.hasMode = true
    }

    /// Reads the restore sequence from terminfo and installs the fatal-signal handlers (call after `initscr`).
    static func installCrashHandlers(mouse: Bool) {
        var sequence: [UInt8] = mouse ? Array("\u{1b}[?1000l".utf8) : []
        for capability in ["rmcup", "cnorm", "sgr0"] {
            guard let pointer = tigetstr(capability), Int(bitPattern: pointer) != -1 else { continue }
            sequence += Array(String(cString: pointer).utf8)
        }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(sequence.count, 1))
        buffer.initialize(from: sequence, count: sequence.count)
        restoreState.sequence = buffer
        restoreState.sequenceLength = sequence.count
        for number in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = fatalSignalHandler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var previous = sigaction()
            if sigaction(number, &action, &previous) == 0 {
                restoreState.previous[Int(number)] = previous
            }
        }
    }
}

/// What the crash handler needs, written once before the handlers are installed and only read afterwards
/// (from the handler), hence unchecked.
private struct RestoreState {
    var mode = termios()
    var hasMode = false
    var sequence: UnsafeMutablePointer<UInt8>? = nil
    var sequenceLength = 0
    var previous: [sigaction] = Array(repeating: sigaction(), count: 65)
}

nonisolated(unsafe) private var restoreState = RestoreState()

private let fatalSignalHandler: @convention(c) (Int32) -> Void = { number in
    if restoreState.hasMode { _ = tcsetattr(STDIN_FILENO, TCSANOW, &restoreState.mode) }
    if let sequence = restoreState.sequence { _ = write(STDOUT_FILENO, sequence, restoreState.sequenceLength) }
    _ = sigaction(number, &restoreState.previous[Int(number)], nil)
    _ = raise(number)
}
