import Foundation
import MoltTestSupport
import Testing

/// The real `molt` binary in tmux (120x40, UTF-8) against a real HTTP server on 127.0.0.1: keys in, screen out,
/// and the terminal restored afterwards.
@Suite("molt in tmux", .serialized)
struct MoltTmuxTests {
    /// After molt exits, the pane prints its exit status and whether the tty is back in canonical, echoing mode.
    static func command(_ molt: String, _ arguments: String) -> String {
        "\(TmuxSession.quote(molt)) \(arguments); echo \"EXIT=$?\"; "
            + "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo DONE; sleep 60"
    }

    @Test("health screen, help, command line, detail and back, then q restores the terminal", .timeLimit(.minutes(3)))
    func healthJourney() async throws {
        let server = try await StaticHTTPServer(files: [
            "health": #"{"status":"ok","timestamp":"2026-11-24T10:00:00.000Z"}"#
        ])
        defer { server.stop() }
        let molt = try BuiltProducts.executable("molt")
        let tmux = try TmuxSession(command: Self.command(molt, "--api-url \(server.url) --refresh 0 --screen health"))
        defer { tmux.kill() }

        let first = try await tmux.waitFor("the first check") { $0.contains("● healthy") }
        let lines = first.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix(" molt │ guest │ not signed in │ \(server.url)"))
        #expect(lines[1].trimmingCharacters(in: .whitespaces) == "Health")
        #expect(first.contains("    1 "))
        #expect(first.contains("healthy        200"))
        #expect(first.contains(#""status" : "ok","#))
        #expect(lines.last(where: { !$0.isEmpty })?.contains("? help  q quit") == true)
        #expect(try tmux.display("#{alternate_on}") == "1")

        try tmux.send("?")
        try await tmux.waitFor("the help overlay") {
            $0.contains("Keys — Health") && $0.contains("sort by the next column")
        }
        try tmux.send("Escape")
        try await tmux.waitFor("help closed") { !$0.contains("Keys — Health") }

        try tmux.send("r")
        try await tmux.waitFor("a second check") { $0.contains("    2 ") && $0.contains("2 checks") }

        try tmux.send(":")
        try tmux.type("ab")
        try tmux.send("Tab")
        try await tmux.waitFor("completion") { $0.contains(":about") }
        try tmux.send("Enter")
        try await tmux.waitFor("the About screen") { $0.contains("Health › About") && $0.contains("molt 0.1.0") }
        try tmux.send("Escape")
        try await tmux.waitFor("back on Health") { !$0.contains("› About") && $0.contains("● healthy") }

        try tmux.send("G", "Enter")
        let detail = try await tmux.waitFor("the check's detail") { $0.contains("Health › Check #1") }
        #expect(detail.contains("GET \(server.url)/health"))
        try tmux.send("Escape")
        try await tmux.waitFor("back from the detail") { !$0.contains("› Check #1") }

        try tmux.send("/")
        try tmux.type("zzz")
        try await tmux.waitFor("the filter") { $0.contains("No check matches the filter.") && $0.contains("/zzz") }
        try tmux.send("Escape")
        try await tmux.waitFor("the filter dropped") { !$0.contains("No check matches") }

        try tmux.resize(width: 40, height: 10)
        try await tmux.waitFor("too small") { $0.contains("Terminal too small: 40x10") }
        try tmux.resize(width: 120, height: 40)
        try await tmux.waitFor("full size again") { $0.contains("● healthy") }

        try tmux.send("q")
        let after = try await tmux.waitFor("molt exited") { $0.contains("DONE") }
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("icanon echo"), "the tty is canonical and echoing again")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test(
        "an unreachable server shows the banner with a countdown; SIGTERM restores the terminal",
        .timeLimit(.minutes(3)))
    func outageAndSignal() async throws {
        let molt = try BuiltProducts.executable("molt")
        let tmux = try TmuxSession(
            command: Self.command(molt, "--api-url http://127.0.0.1:9 --refresh 0 --screen health"))
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("the banner") { $0.contains("Server unreachable: connection refused") }
        #expect(screen.contains("● unreachable"))
        try await tmux.waitFor("a later retry") { $0.contains("· retry 2 in") || $0.contains("· retry 3 in") }

        let shell = try tmux.display("#{pane_pid}")
        let pid = try Self.childProcess(of: shell, named: "molt")
        #expect(kill(pid, SIGTERM) == 0)
        let after = try await tmux.waitFor("molt exited") { $0.contains("DONE") }
        #expect(after.contains("EXIT=143"))
        #expect(after.contains("icanon echo"))
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test("a crash (SIGSEGV) still leaves the terminal restored", .timeLimit(.minutes(3)))
    func crashRestoresTerminal() async throws {
        let molt = try BuiltProducts.executable("molt")
        let tmux = try TmuxSession(
            command: Self.command(molt, "--api-url http://127.0.0.1:9 --refresh 0 --screen health"),
            environment: ["SWIFT_BACKTRACE": "enable=no"])
        defer { tmux.kill() }
        try await tmux.waitFor("the first screen") { $0.contains("Server unreachable") }
        let pid = try Self.childProcess(of: try tmux.display("#{pane_pid}"), named: "molt")
        #expect(kill(pid, SIGSEGV) == 0)
        let after = try await tmux.waitFor("molt died") { $0.contains("DONE") }
        #expect(after.contains("EXIT=139"))
        #expect(after.contains("icanon echo"))
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    /// The pid of the child of `parent` whose command is `name` (molt runs under the pane's shell).
    static func childProcess(of parent: String, named name: String) throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", parent, "-x", name]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let pid = pid_t(String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? "") else {
            throw TmuxError("no \(name) process under \(parent)")
        }
        return pid
    }
}
