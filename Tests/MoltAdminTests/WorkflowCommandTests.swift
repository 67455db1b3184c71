import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `workflows list|show|cancel|resume|fork` on the DBOS tables of a real server: the demo rows of
/// `seed-demo` and the server's own workflows, which its engine picks up again after a resume.
@Suite("molt-admin workflows", .timeLimit(.minutes(3)))
struct WorkflowCommandTests {
    @Test("list filters by status, name and age; show prints steps, inputs and errors")
    func listAndShow() async throws {
        try await AdminHarness.with { admin in
            _ = try await admin.json(["seed-demo", "--dir", admin.home + "/demo"])
            let errors = try #require(try await admin.json(["workflows", "list", "--status", "ERROR"]).arrayValue)
            #expect(errors.compactMap { $0["workflowId"]?.stringValue } == ["demo-wf-error-2", "demo-wf-error-1"])
            #expect(errors[1]["error"]?["name"]?.stringValue == "ModelUnavailable")
            let statuses = try #require(try await admin.json(["workflows", "list", "--limit", "1000"]).arrayValue)
                .compactMap { $0["status"]?.stringValue }
            for status in ["SUCCESS", "ERROR", "PENDING", "CANCELLED", "ENQUEUED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED"] {
                #expect(statuses.contains(status), "\(status)")
            }
            let recent = try #require(
                try await admin.json(["workflows", "list", "--since", "30m", "--limit", "1000"]).arrayValue
            )
            .compactMap { $0["workflowId"]?.stringValue }
            #expect(recent.contains("demo-wf-pending-1") && !recent.contains("demo-wf-error-1"))
            let limited = try await admin.run(["workflows", "list", "--name", "demoNightlyDigest", "--limit", "2"])
            #expect(limited.status == 0)
            #expect(limited.stdout.split(separator: "\n").count == 3, "\(limited)")
            #expect(limited.stdout.hasPrefix("WORKFLOW           NAME               STATUS"), "\(limited)")
            let newest = limited.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != " " } }
            #expect(newest == ["demo-wf-delayed-1", "demo-wf-pending-1"], "\(limited)")
            #expect(limited.stderr == "(more workflows match: raise --limit or narrow the filter)\n")

            let shown = try await admin.json(["workflows", "show", "demo-wf-error-1"])
            #expect(shown["workflow"]?["status"]?.stringValue == "ERROR")
            #expect(shown["workflow"]?["inputs"]?["positionalArgs"]?.arrayValue?.first?["batch"]?.intValue == 128)
            let steps = try #require(shown["steps"]?.arrayValue)
            #expect(steps.compactMap { $0["functionName"]?.stringValue } == ["loadEntries", "embedBatch"])
            #expect(steps[1]["error"]?["message"]?.stringValue == "the embedding model folder is missing")
            let text = try await admin.run(["workflows", "show", "demo-wf-error-1"])
            #expect(
                text.stdout.hasPrefix(
                    "Workflow:    demo-wf-error-1\nName:        demoReindexEmbeddings\nStatus:      ERROR\n"))
            #expect(
                text.stdout.contains(
                    "\nSteps:\nSTEP  NAME         DURATION  RESULT\n1     loadEntries  350ms     128\n"), "\(text)")
            let missing = try await admin.run(["workflows", "show", "nope"])
            #expect(missing.status == 1 && missing.stderr == "error: no workflow nope\n")
        }
    }

    @Test("cancel, fork, and bulk repair with a dry run first")
    func operate() async throws {
        try await AdminHarness.with { admin in
            _ = try await admin.json(["seed-demo", "--dir", admin.home + "/demo"])
            let cancelled = try await admin.run([
                "workflows", "cancel", "demo-wf-pending-1", "demo-wf-success-1", "nope",
            ])
            #expect(cancelled.status == 1, "one of them could not be cancelled")
            let lines = cancelled.stdout.split(separator: "\n").map {
                $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            }
            #expect(
                lines == [
                    "WORKFLOW ACTION DONE STATUS NOTE", "demo-wf-pending-1 cancel yes CANCELLED",
                    "demo-wf-success-1 cancel no SUCCESS already finished", "nope cancel no - no such workflow",
                ], "\(cancelled)")

            let fork = try await admin.json([
                "workflows", "fork", "demo-wf-error-2", "--from-step", "2", "--new-id", "demo-fork-1",
            ])
            #expect(fork["newWorkflowId"]?.stringValue == "demo-fork-1")
            let copy = try await admin.json(["workflows", "show", "demo-fork-1"])
            #expect(copy["workflow"]?["status"]?.stringValue == "ENQUEUED")
            #expect(copy["workflow"]?["forkedFrom"]?.stringValue == "demo-wf-error-2")
            #expect(copy["steps"]?.arrayValue?.compactMap { $0["functionName"]?.stringValue } == ["collectEntries"])

            let before = try await admin.json(["workflows", "list", "--limit", "1000"]).arrayValue?.count
            let dryRun = try await admin.run(["workflows", "resume", "--all-failed", "--name", "demoReindexEmbeddings"])
            #expect(dryRun.status == 0)
            #expect(dryRun.stdout.contains("demo-wf-error-1  fork from step 1  no    ERROR   dry run"), "\(dryRun)")
            #expect(dryRun.stderr == "Dry run: nothing changed. Run again with --yes to act on 1 workflows.\n")
            #expect(try await admin.json(["workflows", "list", "--limit", "1000"]).arrayValue?.count == before)

            let dead = try #require(
                try await admin.json(["workflows", "resume", "--all-failed", "--name", "demoImportDiary", "--yes"])
                    .arrayValue)
            #expect(
                dead.count == 1 && dead[0]["done"]?.boolValue == true && dead[0]["status"]?.stringValue == "ENQUEUED")
            let repaired = try #require(
                try await admin.json([
                    "workflows", "resume", "--all-failed", "--name", "demoReindexEmbeddings", "--yes",
                ]).arrayValue)
            let newID = try #require(repaired.first?["newWorkflowId"]?.stringValue)
            let forked = try await admin.json(["workflows", "show", newID])
            #expect(forked["workflow"]?["forkedFrom"]?.stringValue == "demo-wf-error-1")
            #expect(forked["workflow"]?["status"]?.stringValue == "ENQUEUED")
        }
    }

    @Test("a cancelled signing workflow resumed by molt-admin is run again by the server and completes")
    func resumeRunsAgain() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let config = try #require(try CredentialsFile(path: admin.credentialsPath).read()?.config)
            let client = MoltAPIClient(
                baseURL: try #require(admin.server).baseURL, credentials: config.clientCredentials)
            let request = try await client.createSigningRequest(message: "resume me")
            let workflow = "signing-\(request.id)"
            #expect(
                try await admin.json(["workflows", "cancel", workflow]).arrayValue?.first?["status"]?.stringValue
                    == "CANCELLED")
            let resumed = try await admin.run(["workflows", "resume", workflow])
            #expect(resumed.status == 0 && resumed.stdout.contains("\(workflow)  resume  yes   ENQUEUED"), "\(resumed)")
            let signed = try await admin.run(["sign", "--request-id", request.id.description])
            #expect(signed.stdout == "Signed request \(request.id): completed, valid.\n", "\(signed)")
            var status: String?
            for _ in 0..<300 {
                status = try await admin.json(["workflows", "show", workflow])["workflow"]?["status"]?.stringValue
                if status == "SUCCESS" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status == "SUCCESS")
        }
    }
}
