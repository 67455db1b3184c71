public import Foundation

/// A program running in a detached tmux session on a private tmux server, for end-to-end tests of `molt`.
///
/// Each session uses its own socket (`tmux -L <unique name>`), so parallel tests never meet, and `kill()`
/// (also run on deinit) stops that whole tmux server. Every wait is bounded. tmux runs as a `ChildProcess`
/// (clean signal mask, no inherited descriptors), so its server reaps the program and dies when killed.
///
/// ```swift
/// let tmux = try TmuxSession(command: "\(molt) --api-url \(url)", width: 120, height: 40)
/// defer { tmux.kill() }
/// let screen = try await tmux.waitFor { $0.contains("healthy") }
/// try tmux.send("q")
/// ```
public final class TmuxSession: Sendable {
    /// The tmux server's socket name.
    public let socket: String
    /// The session's name.
    public let session = "molt"

    /// Starts `command` (run by `sh -c`) in a `width` x `height` pane with `LANG=C.UTF-8` and
    /// `TERM=xterm-256color` plus `environment`.
    public init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "molt-test-" + UUID().uuidString.prefix(8).lowercased()
        var variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"]
        variables.merge(environment) { $1 }
        let exports = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let script = "env \(exports.joined(separator: " ")) sh -c \(Self.quote(command))"
        try run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", script])
        try run(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    deinit {
        kill()
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `Tab`, `BTab`, `Up`, `C-c`) or as single characters.
    public func send(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types text literally (no key-name lookup).
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// The pane's text now, a line per row.
    public func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`, `#{pane_pid}`, `#{pane_dead}`).
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane every 20 ms until `condition` holds, up to `timeout`.
    /// - Returns: the screen that satisfied it.
    /// - Throws: `TmuxError` with the last screen when time runs out.
    @discardableResult
    public func waitFor(
        timeout: Duration = .seconds(30), _ what: String = "the expected screen", _ condition: (String) -> Bool
    ) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TmuxError("timed out after \(timeout) waiting for \(what); the screen was:\n\(screen)")
    }

    /// Kills the session's tmux server (safe to call twice).
    public func kill() {
        _ = try? run(["kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let child = try ChildProcess(["tmux", "-L", socket] + arguments)
        defer { child.removeOutput() }
        let status = try child.wait(timeout: .seconds(10))
        let text = child.output
        guard status == 0 || arguments.first == "kill-server" else {
            throw TmuxError("tmux \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// `'text'` quoted for sh.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command failed or a wait timed out.
public struct TmuxError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Paths of products built next to the running test bundle.
public enum BuiltProducts {
    /// The folder holding the test bundle and the built executables (`.build/<triple>/debug`).
    public static var folder: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/", !folder.lastPathComponent.hasSuffix(".xctest"), folder.lastPathComponent != "debug",
            folder.lastPathComponent != "release"
        {
            folder.deleteLastPathComponent()
        }
        return folder.lastPathComponent.hasSuffix(".xctest") ? folder.deletingLastPathComponent() : folder
    }

    /// The path of a built executable (`molt`); throws when it is missing, saying how to build it.
    public static func executable(_ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw TmuxError("\(url.path) does not exist: run `swift build --product \(name)` (or `swift build`) first")
        }
        return url.path
    }
}
