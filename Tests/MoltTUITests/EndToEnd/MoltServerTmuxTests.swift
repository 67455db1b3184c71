import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

/// The real `molt` in tmux against a real `moltnetd` (in-process `TestServer`) and PostgreSQL: an agent
/// accepts an invitation, issues a voucher and signs a signing request; an operator cancels and resumes a
/// workflow. Each result is checked on the server through MoltClient, not only on the screen.
@Suite("molt against moltnetd in tmux", .serialized, .timeLimit(.minutes(3)))
struct MoltServerTmuxTests {
    @Test("an agent accepts an invitation, issues a voucher and signs a request here")
    func agentJourney() async throws {
        try await TestServer.with { server in
            let folder = try ServerAgent.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let ada = try await ServerAgent.genesis("Ada", on: server, folder: folder)
            let bob = try await ServerAgent.genesis("Bob", on: server, folder: folder)
            let field = try await bob.client.createDiary(CreateDiaryRequest(name: "Field notes", visibility: .moltnet))
            _ = try await bob.client.shareDiary(
                field.id, with: ShareDiaryRequest(fingerprint: ada.fingerprint, role: .writer))
            let request = try await ada.client.createSigningRequest(message: "I approve the e2e release.")

            let molt = try BuiltProducts.executable("molt")
            let arguments =
                "--credentials \(ada.credentialsPath) --api-url \(server.baseURL) --refresh 0 --screen invitations"
            let tmux = try TmuxSession(command: MoltTmuxTests.command(molt, arguments))
            defer { tmux.kill() }

            let invitations = try await tmux.waitFor("the invitation") { $0.contains("writer") }
            #expect(invitations.contains(" molt │ agent │ \(ada.fingerprint) │ \(server.baseURL)"))
            try tmux.send("a")
            try await tmux.waitFor("the acceptance") { $0.contains("Accepted: you can now write") }
            #expect(try await ada.client.diary(field.id).name == "Field notes", "Ada reads the diary now")

            try tmux.send(":")
            try tmux.type("vouchers")
            try tmux.send("Enter")
            try await tmux.waitFor("the Vouchers screen") { $0.contains("Active vouchers 0/5") }
            try tmux.send("n")
            let issued = try await tmux.waitFor("the issued code") { $0.contains("Voucher issued: shown once") }
            let active = try await ada.client.activeVouchers().vouchers
            #expect(active.count == 1)
            #expect(issued.contains(active[0].code), "the code shown is the voucher the server holds")
            try tmux.send("Escape")
            try await tmux.waitFor("the dialog closed") { !$0.contains("Voucher issued") }

            try tmux.send(":")
            try tmux.type("signing")
            try tmux.send("Enter")
            try await tmux.waitFor("the request") { $0.contains("I approve the e2e release.") }
            try tmux.send("s")
            try await tmux.waitFor(timeout: .seconds(20), "the verification") {
                $0.contains("✔ valid: the server verified the signature")
            }
            let signed = try await ada.client.signingRequest(request.id)
            #expect(signed.status == .completed)
            #expect(signed.valid == true)

            try tmux.send("q")
            let after = try await tmux.waitFor("molt exited") { $0.contains("DONE") }
            #expect(after.contains("EXIT=0"))
        }
    }

    @Test("an operator cancels and then resumes a workflow")
    func operatorJourney() async throws {
        try await TestServer.with { server in
            let folder = try ServerAgent.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let ada = try await ServerAgent.genesis("Ada", on: server, folder: folder)
            let request = try await ada.client.createSigningRequest(message: "cancel me")
            let workflows = DBOSWorkflowClient(pool: PostgresPool(url: server.database.url, maximumConnections: 1))
            let id = try #require(
                try await workflows.list(WorkflowListFilter(statuses: [.pending], name: "signingRequest")).workflows
                    .first?
                    .workflowID)
            #expect(id.contains(request.id.description))

            let molt = try BuiltProducts.executable("molt")
            let arguments =
                "--admin --admin-url \(server.adminBaseURL) --database-url \(server.database.url) --api-url \(server.baseURL) --refresh 1"
            let tmux = try TmuxSession(command: MoltTmuxTests.command(molt, arguments))
            defer { tmux.kill() }
            let first = try await tmux.waitFor("the workflows") {
                $0.contains("signingRequest") && $0.contains("PENDING")
            }
            #expect(first.contains(" molt │ operator │ operator@"))
            try tmux.send("/")
            try tmux.type(String(request.id.description.prefix(8)))
            try tmux.send("Enter")
            try await tmux.waitFor("the filtered row") { $0.contains("1/1") }

            try tmux.send("c")
            try await tmux.waitFor("the confirmation") { $0.contains("Cancel workflow?") }
            try tmux.send("y")
            try await tmux.waitFor("the cancel") { $0.contains("Cancelled \(id)") }
            #expect(try await workflows.workflow(id)?.status == .cancelled)

            try tmux.send("R")
            try await tmux.waitFor("the resume confirmation") { $0.contains("Resume workflow?") }
            try tmux.send("y")
            try await tmux.waitFor("the resume") { $0.contains("Resumed \(id)") }
            let resumed = try await workflows.workflow(id)?.status
            #expect(resumed == .enqueued || resumed == .pending, "enqueued again, or already picked up")
            try await tmux.waitFor("the list refreshed with its new status") { screen in
                screen.split(separator: "\n").contains {
                    $0.contains(id.prefix(20)) && ($0.contains("ENQUEUED") || $0.contains("PENDING"))
                }
            }

            try tmux.send("q")
            let after = try await tmux.waitFor("molt exited") { $0.contains("DONE") }
            #expect(after.contains("EXIT=0"))
            await workflows.pool.shutDown()
        }
    }
}
