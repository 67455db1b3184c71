import Foundation
import MoltTestSupport
import Testing

/// Batches draw their progress on stderr when it is a terminal: util-linux `script` runs molt-admin on a
/// pseudo-terminal and records every byte written to it; stdout goes to a file, so the recording holds only
/// what went to stderr.
@Suite("molt-admin progress on a terminal", .timeLimit(.minutes(3)))
struct ProgressOnTerminalTests {
    @Test(
        "vouchers issue, diaries import and export, workflows cancel draw progress on a terminal, erase it, keep stdout clean"
    )
    func batchesShowProgress() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let issued = try await Self.onTerminal(
                admin, ["vouchers", "issue", "--as", "Genesis-1", "--count", "3"])
            #expect(issued.stderr.contains("\rissuing vouchers 1/3"), "\(issued.stderr.debugDescription)")
            #expect(issued.stderr.contains("\rissuing vouchers 3/3\r\u{1B}[K"), "drawn, then erased at the end")
            #expect(!issued.stdout.contains("issuing vouchers"), "progress never reaches stdout")
            #expect(issued.stdout.split(separator: "\n").count == 4, "a header and three codes: \(issued.stdout)")

            let archive = admin.home + "/in.jsonl"
            try DiaryTransferTests.archive(count: 150, name: "Progress").text
                .write(toFile: archive, atomically: true, encoding: .utf8)
            let imported = try await Self.onTerminal(admin, ["diaries", "import", archive])
            #expect(imported.stderr.contains("\rimporting entries 150/150"), "\(imported.stderr.debugDescription)")
            // "Imported 150 entries into the new diary "Progress" (<id>)."
            let diaryID = try #require(
                imported.stdout.split(separator: "(").last?.split(separator: ")").first.map(String.init),
                "\(imported.stdout)")

            let exported = try await Self.onTerminal(
                admin, ["diaries", "export", "--diary", diaryID, "--out", admin.home + "/out.jsonl"])
            #expect(exported.stderr.contains("\rexporting entries 100/150"), "\(exported.stderr.debugDescription)")
            #expect(exported.stderr.contains("\rexporting entries 150/150\r\u{1B}[K"), "drawn, then erased")
            #expect(exported.stdout.hasPrefix("Exported 150 entries"), "\(exported.stdout)")

            let cancelled = try await Self.onTerminal(
                admin, ["workflows", "cancel", "wf-missing-1", "wf-missing-2", "wf-missing-3"], status: 1)
            #expect(
                cancelled.stderr.contains("\rcancelling workflows 3/3\r\u{1B}[K"),
                "\(cancelled.stderr.debugDescription)")
            #expect(cancelled.stdout.contains("no such workflow"), "\(cancelled.stdout)")
        }
    }

    /// Runs molt-admin with stderr on a pseudo-terminal; returns what it wrote to each stream.
    static func onTerminal(_ admin: AdminHarness, _ arguments: [String], status: Int32 = 0) async throws -> (
        stdout: String, stderr: String
    ) {
        let recording = admin.home + "/typescript-\(UUID().uuidString)"
        let output = admin.home + "/stdout-\(UUID().uuidString)"
        let command = ([try AdminHarness.executable] + arguments).map(TmuxSession.quote).joined(separator: " ")
        let outcome = try await RunningCommand.run(
            "/usr/bin/script", ["-q", "-e", "-c", "\(command) > \(output)", recording], environment: admin.environment,
            timeout: .seconds(120))
        #expect(outcome.status == status, "\(outcome)")
        return (
            try String(contentsOfFile: output, encoding: .utf8), try String(contentsOfFile: recording, encoding: .utf8)
        )
    }
}
