public import Foundation
import Glibc

/// A child process started with `posix_spawn` and a clean slate: no signal blocked, default signal actions,
/// only stdin (/dev/null), stdout and stderr (both to a file) open.
///
/// Foundation's `Process` hands children the test runner's signal mask (almost every signal blocked) and
/// its own descriptors; a tmux server forked from such a child never reaps its panes and keeps the
/// descriptors open, and a server started that way ignores SIGTERM. Tests that start daemons use this.
public final class ChildProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// The file receiving stdout and stderr.
    public let outputFile: URL

    /// Starts `arguments[0]` (looked up in PATH) with `arguments`.
    public init(_ arguments: [String]) throws {
        outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).out")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        _ = closeInheritedDescriptors?(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw ChildProcessError("could not start \(arguments[0]): error \(status)") }
        self.pid = pid
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

/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+), looked up at run time because Swift's Glibc
/// module does not declare it; nil on an older C library (descriptors are then inherited). Children of
/// tests must not inherit other tests' sockets: a daemon holding one keeps that connection open.
let closeInheritedDescriptors: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(
        symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()

/// A child process could not be started or did not finish in time.
public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
