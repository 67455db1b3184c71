import Foundation
import MoltTestSupport
import Testing

/// With nothing listening, every command that needs a service fails with exit 1 and a message naming the
/// service, its URL and the option that points at it, and prints nothing on stdout.
@Suite("molt-admin with the services down")
struct ServerDownTests {
    static let apiCommands: [[String]] = [
        ["vouchers", "graph"], ["verify", "--signature", "c2ln"],
    ]
    static let adminCommands: [[String]] = [
        ["agents", "list"], ["agents", "disable", "21FE-31DF-A154-A261"], ["tuples", "list"],
        ["tuples", "check", "a", "read", "Diary:d"], ["bootstrap", "--agents", "1"], ["seed-demo"],
    ]
    static let databaseCommands: [[String]] = [
        ["vouchers", "list"], ["workflows", "list"], ["workflows", "show", "wf-1"], ["workflows", "cancel", "wf-1"],
        ["diaries", "stats"],
    ]

    @Test("API commands name the API and --api-url", arguments: apiCommands)
    func apiDown(command: [String]) async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(command)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stdout == "")
            #expect(
                outcome.stderr.hasPrefix(
                    "error: cannot reach the MoltNet API at http://127.0.0.1:1 (connection refused); is moltnetd "
                        + "running? Set --api-url / MOLTNET_API_URL otherwise"), "\(outcome)")
        }
    }

    @Test("admin commands name the admin API and --admin-url", arguments: adminCommands)
    func adminDown(command: [String]) async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(command)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(
                outcome.stderr.contains("cannot reach the admin API at http://127.0.0.1:2 (connection refused)"),
                "\(outcome)")
            #expect(outcome.stderr.contains("--admin-url / MOLTNET_ADMIN_URL"), "\(outcome)")
        }
    }

    @Test("database commands name the database and --database-url", arguments: databaseCommands)
    func databaseDown(command: [String]) async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(command)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stdout == "")
            #expect(
                outcome.stderr.hasPrefix(
                    "error: cannot connect to the database at postgresql://postgres@127.0.0.1:1/moltnet"),
                "\(outcome)")
            #expect(outcome.stderr.hasSuffix("start PostgreSQL or set --database-url / DATABASE_URL\n"), "\(outcome)")
        }
    }

    @Test("a command needing credentials says where it looked")
    func noCredentials() async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(["vouchers", "issue", "--count", "1"])
            #expect(outcome.status == 1)
            #expect(
                outcome.stderr == "error: no credentials at \(admin.credentialsPath): run `molt-admin bootstrap`, or "
                    + "pass --as (a name in the agents directory, a fingerprint, or a file) or --credentials\n",
                "\(outcome)")
        }
    }

    @Test("doctor reports every failed check with its fix and exits 1")
    func doctorDown() async throws {
        try await AdminHarness.offline { admin in
            let outcome = try await admin.run(["doctor"])
            #expect(outcome.status == 1)
            for check in ["api", "admin", "database", "credentials"] {
                #expect(outcome.stdout.contains("\n\(check) "), "\(check): \(outcome)")
            }
            #expect(outcome.stdout.contains("How to fix:\n  api: start moltnetd (make demo)"), "\(outcome)")
            #expect(outcome.stdout.contains("  database: start PostgreSQL (scripts/pg.sh start)"), "\(outcome)")
        }
    }
}
