import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

/// `GET /ready` follows the database (issue 4): while the server's database refuses connections and its
/// sessions are gone, readiness answers 503 promptly on both listeners; once connections are allowed again it
/// answers 200, and `GET /health` stays 200 throughout.
@Suite("Readiness during a database outage", .timeLimit(.minutes(2)))
struct ReadinessOutageTests {
    @Test("GET /ready is 503 while the database is unreachable and 200 again after it returns")
    func outage() async throws {
        try await TestServer.with { server in
            let ports = [server.application.port, server.application.adminPort]
            for port in ports {
                #expect(try await RawHTTPClient(port: port).request("GET", "/ready").status == 200)
            }
            let admin = try await PostgresConnection.connect(to: TestDatabase.serverURL, applicationName: "outage")
            defer { admin.close() }
            try await Self.setConnections(allowed: false, on: server.database.name, admin: admin)
            do {
                for port in ports {
                    let started = ContinuousClock.now
                    let response = try await RawHTTPClient(port: port).request("GET", "/ready")
                    #expect(response.status == 503, "\(response.text)")
                    #expect(ContinuousClock.now - started < .seconds(5))
                    let body = try response.json()
                    #expect(body["status"] as? String == "unavailable")
                    #expect((body["database"] as? String)?.hasPrefix("database ") == true, "\(body)")
                    #expect(body["timestamp"] is String)
                }
                #expect(try await RawHTTPClient(port: server.application.port).request("GET", "/health").status == 200)
                #expect(server.logs.records.contains { $0.message == "Readiness check failed." })
            } catch {
                try await Self.setConnections(allowed: true, on: server.database.name, admin: admin)
                throw error
            }
            try await Self.setConnections(allowed: true, on: server.database.name, admin: admin)
            let deadline = ContinuousClock.now + .seconds(15)
            var status = 0
            while ContinuousClock.now < deadline {
                status = try await RawHTTPClient(port: server.application.port).request("GET", "/ready").status
                if status == 200 { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(status == 200)
        }
    }

    /// Allows or refuses new connections to `database`; refusing also ends every session already on it.
    static func setConnections(allowed: Bool, on database: String, admin: PostgresConnection) async throws {
        try await admin.execute(script: "ALTER DATABASE \(database) ALLOW_CONNECTIONS \(allowed)")
        guard !allowed else { return }
        _ = try await admin.query(
            """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = \(database) AND pid <> pg_backend_pid()
            """)
        // Terminated sessions disappear asynchronously: wait until none is left (bounded).
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let left =
                try await admin.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = \(database)")
                .first?.decode("n", as: Int.self) ?? 0
            if left == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw APIAgentError("sessions on \(database) did not end within 10 seconds")
    }
}
