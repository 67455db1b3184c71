import Foundation
import MoltCommandLine

/// Starts the console for a configuration: checks there is a terminal, chooses the mode, wires the
/// environment, runs.
public enum MoltConsole {
    /// Runs the console; returns the process's exit status.
    @MainActor
    public static func run(_ configuration: ConsoleConfiguration) async -> Int32 {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            StandardStreams.writeError("error: molt needs a terminal (stdin and stdout must be a tty)\n")
            return ExitCode.failure.rawValue
        }
        let setup: ConsoleSetup
        do {
            setup = try ConsoleSetup.make(configuration, environment: ProcessInfo.processInfo.environment)
        } catch {
            StandardStreams.writeError("error: \(error)\n")
            return ExitCode.failure.rawValue
        }
        let environment = ConsoleEnvironment(
            now: { Date() }, healthCheck: setup.healthCheck, refreshInterval: configuration.refreshInterval,
            version: ConsoleConfiguration.version, terminalDescription: terminalDescription(), molt: setup.molt,
            operatorService: setup.operatorService, mode: setup.session.mode, startScreen: setup.startScreen)
        do {
            return try await ConsoleRuntime(
                configuration: configuration, environment: environment, session: setup.session
            )
            .run()
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
