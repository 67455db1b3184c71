public import Foundation
import Glibc

/// What a finished command printed and how it exited.
public struct CommandOutcome: Sendable, CustomStringConvertible {
    /// The exit status (128 + the signal number when a signal ended it).
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A command started with a clean slate (`CleanSpawn`): its own environment, stdin from a file or /dev/null,
/// stdout and stderr each to their own file; waited for without blocking a thread, so tests can run
/// the built binaries of the package against an in-process server (`TestServer`) on two cores.
public final class RunningCommand: Sendable {
    public let pid: pid_t
    private let outputFile: String
    private let errorFile: String

    /// Starts `executable` (a path) with `arguments` and exactly `environment`.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil
    ) throws {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("command-\(UUID().uuidString)").path
        outputFile = stem + ".out"
        errorFile = stem + ".err"
        pid = try CleanSpawn.spawn(
            [executable] + arguments, searchPath: false, environment: environment, stdinPath: stdin ?? "/dev/null",
            outputPath: outputFile, errorPath: errorFile)
    }

    /// Sends a signal (SIGINT, SIGTERM).
    public func signal(_ number: Int32) {
        _ = kill(pid, number)
    }

    /// Waits for the exit (polling, without blocking a thread) and returns what it printed.
    /// - Throws: when it still runs after `timeout` (it is then killed).
    public func wait(timeout: Duration = .seconds(60)) async throws -> CommandOutcome {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return outcome(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
            if result < 0, errno != EINTR { return outcome(-1) }
            if ContinuousClock.now >= deadline {
                _ = kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ChildProcessError("\(pid) still running after \(timeout):\n\(outcome(-1))")
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// What it has written to stdout so far.
    public var stdoutSoFar: String {
        (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    }

    private func outcome(_ status: Int32) -> CommandOutcome {
        let outcome = CommandOutcome(
            status: status, stdout: (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "")
        try? FileManager.default.removeItem(atPath: outputFile)
        try? FileManager.default.removeItem(atPath: errorFile)
        return outcome
    }

    /// Runs a command to its end.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> CommandOutcome {
        try await RunningCommand(executable, arguments, environment: environment, stdin: stdin).wait(timeout: timeout)
    }
}
