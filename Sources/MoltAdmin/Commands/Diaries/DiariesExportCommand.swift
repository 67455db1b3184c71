import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `diaries export --diary ID --out FILE.jsonl`: a diary and all its entries, as the agent `--as` reads them.
struct DiariesExportCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["diaries", "export"],
        usage: "diaries export --diary ID --out FILE.jsonl [--as AGENT]",
        summary: "Export a diary and its entries to a JSON lines file",
        flags: [
            .option("diary", valueName: "ID", help: "The diary's id"),
            .option("out", valueName: "FILE", help: "The file to write (atomically, mode 0600); - for stdout"),
            .option("as", valueName: "AGENT", help: "An agent that can read the diary (default: --credentials)"),
        ],
        details: [
            "The first line describes the diary; each further line is an entry as GET /diaries/{id}/entries returns",
            "it (content, title, tags, type, importance, injection risk, times), oldest first.",
        ],
        examples: ["diaries export --diary 5b0c… --out research.jsonl --as Genesis-1"])

    let diaryID: DiaryID
    let out: String
    let agent: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        diaryID = DiaryID(rawValue: try CommandArguments.uuid(try arguments.require("diary"), what: "--diary"))
        out = try arguments.require("out")
        agent = arguments.value("as")
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let (_, client) = try context.signedIn(as: agent)
        let diary = try await client.diary(diaryID)
        let entries = try await Self.allEntries(of: diaryID, client: client)
        let text = try DiaryArchive.render(diary: diary, entries: entries, exportedAt: Date())
        if out == "-" {
            StandardStreams.writeOut(text)
            return .success
        }
        try AtomicFile.write(Array(text.utf8), to: out, mode: 0o600, directoryMode: 0o755)
        if context.output.json {
            struct Report: Encodable {
                let diaryId: DiaryID
                let entries: Int
                let file: String
            }
            try context.output.document(Report(diaryId: diaryID, entries: entries.count, file: out))
        } else {
            context.output.line("Exported \(entries.count) entries of \"\(diary.name)\" to \(out).")
        }
        return .success
    }

    /// Every entry of a diary, oldest first (pages of 100, newest first, de-duplicated by id), with progress
    /// on a terminal once the first page tells how many there are.
    static func allEntries(of diaryID: DiaryID, client: MoltAPIClient) async throws -> [DiaryEntry] {
        let limit = ListEntriesQuery.limitRange.upperBound
        var entries: [DiaryEntry] = []
        var seen = Set<EntryID>()
        var offset = 0
        var progress: Progress?
        while true {
            let page = try await client.entries(in: diaryID, query: ListEntriesQuery(limit: limit, offset: offset))
            for entry in page.items where seen.insert(entry.id).inserted { entries.append(entry) }
            if progress == nil { progress = Progress("exporting entries", total: page.total) }
            progress?.advance(by: page.items.count)
            offset += page.items.count
            if page.items.count < limit { break }
        }
        progress?.finish()
        return entries.sorted { ($0.createdAt, $0.id.description) < ($1.createdAt, $1.id.description) }
    }
}
