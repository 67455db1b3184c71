import Foundation
import Glibc
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

/// The real `moltnetd` binary's connection lifecycle (issue 4): `--read-timeout` closes idle and half-sent
/// connections while busy ones stay open, and SIGTERM lets a slow request in flight finish before it exits 0.
@Suite("moltnetd read timeout and graceful SIGTERM", .serialized, .timeLimit(.minutes(3)))
struct DaemonConnectionLifecycleTests {
    @Test("--read-timeout 5 closes an idle connection and a half-sent request, not one in use")
    func readTimeout() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            let daemon = try await DaemonProcess(databaseURL: database.url, arguments: ["--read-timeout", "5"])
            defer { daemon.kill() }

            let idle = try RawHTTPClient(port: daemon.port, timeoutSeconds: 20)
            let halfSent = try RawHTTPClient(port: daemon.port, timeoutSeconds: 20)
            try await halfSent.send(Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8))
            let started = ContinuousClock.now
            try await Self.expectClosed(idle)
            try await Self.expectClosed(halfSent)
            let waited = ContinuousClock.now - started
            #expect(waited >= .seconds(3) && waited < .seconds(19), "closed after \(waited)")

            // A connection used more often than the timeout stays open across requests.
            let busy = try RawHTTPClient(port: daemon.port, timeoutSeconds: 20)
            for _ in 0..<4 {
                #expect(try await busy.request("GET", "/health").status == 200)
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(try await busy.request("GET", "/health").status == 200)
            try await Self.expectClosed(busy)
            #expect(try daemon.terminate() == 0)
        }
    }

    @Test("SIGTERM during a slow registration lets it finish with 200, then the process exits 0")
    func sigtermFinishesRequestInFlight() async throws {
        try await TestDatabase.with(migrations: ServerMigrations.all()) { database in
            // Each registration step is followed by a 100 ms pause; the grace is ample for a loaded machine.
            let daemon = try await DaemonProcess(
                databaseURL: database.url, arguments: ["--workflow-step-delay-ms", "100"], shutdownGrace: 30)
            defer { daemon.kill() }
            let genesis = try await APIAgent.create(publicPort: daemon.port, adminPort: daemon.adminPort)
            let code = try await genesis.post("/vouch").decode(Voucher.self, status: 201).code
            let key = Ed25519PrivateKey.generate()
            let register = Array(
                try JSONCoding.encode(RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: code)))
            let port = daemon.port
            let pending = Task {
                try await RawHTTPClient(port: port).request(
                    "POST", "/auth/register", headers: ["Content-Type": "application/json"], body: register)
            }
            defer { pending.cancel() }

            let workflowID = try await RegistrationCrashRecoveryTests.waitForSteps(1, in: database.pool)
            #expect(try await RegistrationCrashRecoveryTests.status(workflowID, in: database.pool) == "PENDING")
            let exit = Task.detached { try daemon.terminate(timeout: .seconds(20)) }

            let response = try await pending.value
            #expect(response.status == 200, "\(response.text)")
            let registered = try response.decode(RegisterResponse.self)
            #expect(registered.publicKey == key.publicKey.wireValue)
            #expect(try await exit.value == 0)
            #expect(throws: RawHTTPError.self) { _ = try RawHTTPClient(port: port) }

            #expect(try await RegistrationCrashRecoveryTests.status(workflowID, in: database.pool) == "SUCCESS")
            let steps = try await RegistrationCrashRecoveryTests.steps(of: workflowID, in: database.pool)
            #expect(
                steps
                    == Dictionary(
                        uniqueKeysWithValues: RegistrationCrashRecoveryTests.forwardSteps.map { ($0, 1) }))
        }
    }

    /// Expects the server to close `client`'s connection (not the client's own receive timeout).
    static func expectClosed(_ client: RawHTTPClient, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        do {
            let bytes = try await client.receive()
            Issue.record("expected the connection to close, got \(bytes.count) bytes", sourceLocation: sourceLocation)
        } catch let error as RawHTTPError {
            #expect(error.description == "connection closed", sourceLocation: sourceLocation)
        }
    }
}
