public import Foundation
import Glibc

/// A child process started with a clean slate (`CleanSpawn`): only stdin (/dev/null), stdout and stderr (both
/// to a file) open. Tests that start daemons use this.
public final class ChildProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// The file receiving stdout and stderr.
    public let outputFile: URL

    /// Starts `arguments[0]` (looked up in PATH) with `arguments`.
    public init(_ arguments: [String]) throws {
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).out")
        pid = try CleanSpawn.spawn(
            arguments, searchPath: true, environment: nil, stdinPath: "/dev/null", outputPath: outputFile.path,
            errorPath: nil)
    }

    /// Waits for the exit, up to `timeout`; returns the exit status (128 + signal when killed).
    /// - Throws: when it is still running after `timeout` (it is then killed).
    @discardableResult
    public func wait(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if result < 0, errno != EINTR { return -1 }
            if ContinuousClock.now >= deadline {
                kill()
                throw ChildProcessError("process \(pid) still running after \(timeout)")
            }
            usleep(2_000)
        }
    }

    /// What it wrote so far.
    public var output: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Kills it (SIGKILL) and reaps it.
    public func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// Removes the output file.
    public func removeOutput() {
        try? FileManager.default.removeItem(at: outputFile)
    }
}

/// A child process could not be started or did not finish in time.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
