import Foundation
import Glibc
import Synchronization

/// The real `moltnetd` binary (the built product next to the test bundle) running as a child process on
/// loopback with ports picked by the kernel, for tests that crash and restart the server.
///
/// Started with `ChildProcess` (clean signal mask, output to a file); the bound ports are read from the
/// start-up log line. Always `kill()` or `terminate()` it: tests do so in every path.
public final class DaemonProcess: Sendable {
    public let process: ChildProcess
    /// The public API port.
    public let port: UInt16
    /// The admin API port.
    public let adminPort: UInt16
    /// Whether it was already killed or terminated and reaped (its pid may belong to someone else now).
    private let stopped = Mutex(false)

    /// Starts `moltnetd` on `databaseURL` with `arguments` added, and waits (up to `timeout`) for it to listen.
    /// `shutdownGrace` is how many seconds requests in flight get after SIGTERM.
    /// - Throws: when the binary is missing, or it exits or stays silent until `timeout` (it is then killed).
    public init(
        databaseURL: String, arguments: [String] = [], shutdownGrace: Int = 2, timeout: Duration = .seconds(30)
    ) async throws {
        let executable = try BuiltProducts.executable("moltnetd")
        process = try ChildProcess(
            [
                executable, "--listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0", "--database-url", databaseURL,
                "--public-url", "http://127.0.0.1", "--log-format", "json", "--database-connections", "4",
                "--shutdown-grace", String(shutdownGrace),
            ] + arguments)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let ports = Self.listeningPorts(in: process.output) {
                (port, adminPort) = ports
                return
            }
            var status: Int32 = 0
            let exited = waitpid(process.pid, &status, WNOHANG) == process.pid
            guard !exited, ContinuousClock.now < deadline else {
                if !exited { process.kill() }
                let output = process.output
                process.removeOutput()
                throw ChildProcessError("moltnetd did not start: \(output.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Kills it with SIGKILL (no shutdown at all: a crash), reaps it and removes its output file; does nothing
    /// once it was stopped.
    public func kill() {
        guard markStopped() else { return }
        process.kill()
        process.removeOutput()
    }

    /// Sends SIGTERM and waits for a graceful exit; returns the exit status (killed after `timeout`).
    @discardableResult
    public func terminate(timeout: Duration = .seconds(15)) throws -> Int32 {
        guard markStopped() else { return -1 }
        _ = Glibc.kill(process.pid, SIGTERM)
        defer { process.removeOutput() }
        return try process.wait(timeout: timeout)
    }

    /// True the first time only.
    private func markStopped() -> Bool {
        stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
    }

    /// The ports from `"http.address":"127.0.0.1:P"` and `"admin.address":"127.0.0.1:Q"` of the start-up line.
    static func listeningPorts(in output: String) -> (UInt16, UInt16)? {
        for line in output.split(separator: "\n") where line.contains("MoltNet server started.") {
            guard let data = line.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            let fields = (object["metadata"] as? [String: Any]) ?? object
            guard let http = (fields["http.address"] as? String)?.split(separator: ":").last.flatMap({ UInt16($0) }),
                let admin = (fields["admin.address"] as? String)?.split(separator: ":").last.flatMap({ UInt16($0) })
            else { continue }
            return (http, admin)
        }
        return nil
    }
}
