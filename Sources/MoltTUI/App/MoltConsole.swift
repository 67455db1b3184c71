import Foundation
import MoltCommandLine

/// Starts the console for a configuration: checks there is a terminal, wires the environment, runs.
public enum MoltConsole {
    /// Runs the console; returns the process's exit status.
    @MainActor
    public static func run(_ configuration: ConsoleConfiguration) async -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            StandardStreams.writeError("error: molt needs a terminal (stdin and stdout must be a tty)\n")
            return ExitCode.failure.rawValue
        }
        let environment = ConsoleEnvironment(
            now: { Date() }, healthCheck: .urlSession(), refreshInterval: configuration.refreshInterval,
            version: ConsoleConfiguration.version, terminalDescription: terminalDescription())
        do {
            return try await ConsoleRuntime(configuration: configuration, environment: environment).run()
        } catch {
            StandardStreams.writeError("error: \(error)\n")
            return ExitCode.failure.rawValue
        }
    }

    /// `TERM=xterm-256color, UTF-8`.
    static func terminalDescription() -> String {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? "unknown"
        let utf8 = DisplayWidth.prepareLocale() ? "UTF-8" : "not UTF-8"
        return "TERM=\(term), \(utf8)"
    }
}
