import Foundation
import MoltClient
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

/// `diaries export|import`: a 10,000-entry round trip, and imports that leave nothing behind when the file
/// is bad, when the server fails part way, or when the import is interrupted.
@Suite("molt-admin diaries export and import", .timeLimit(.minutes(20)))
struct DiaryTransferTests {
    static let types = EntryType.knownCases

    /// An export-format file of `count` entries: every type, importance 1-10, tags and titles sometimes
    /// absent, and entry 10k+1 superseding entry 10k.
    static func archive(count: Int, name: String) throws -> (text: String, ids: [EntryID]) {
        let ids = (0..<count).map { _ in EntryID.random() }
        let diary = DiaryCatalog(
            id: .random(), ownerId: .random(), name: name, visibility: .moltnet, createdAt: Date(), updatedAt: Date())
        var lines = [
            try String(decoding: JSONCoding.encode(ArchiveHeader(diary: diary, entries: count)), as: UTF8.self)
        ]
        for index in 0..<count {
            var object: [String: JSONValue] = [
                "id": .string(ids[index].description),
                "content": .string("Entry \(index): notes on topic \(index % 97)"),
                "importance": .number(Double(1 + index % 10)),
                "entryType": .string(types[index % types.count].rawValue),
                "injectionRisk": .bool(false),
            ]
            if index % 5 != 0 { object["title"] = .string("Title \(index)") }
            if index % 3 != 0 { object["tags"] = .strings(["t\(index % 7)", "bulk"]) }
            if index % 1000 == 0, index + 1 < count { object["supersededBy"] = .string(ids[index + 1].description) }
            lines.append(JSONValue.object(object).text)
        }
        return (lines.joined(separator: "\n") + "\n", ids)
    }

    struct ArchiveHeader: Encodable {
        let format = "moltnet-diary"
        let version = 1
        let diary: DiaryCatalog
        let entries: Int
        let exportedAt = Date()
    }

    static func count(_ pool: PostgresPool, _ sql: SQL) async throws -> Int {
        try await pool.query(sql).first?.decode("count") ?? -1
    }

    @Test("10,000 entries: import into a new diary, export, and every field that travels comes back")
    func roundTrip() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let (text, _) = try Self.archive(count: 10_000, name: "Ten thousand")
            let file = admin.home + "/in.jsonl"
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let started = ContinuousClock.now
            let imported = try await admin.json(["diaries", "import", file, "--parallel", "8"], timeout: .seconds(900))
            let importTime = ContinuousClock.now - started
            #expect(imported["entries"]?.intValue == 10_000 && imported["name"]?.stringValue == "Ten thousand")
            #expect(imported["visibility"]?.stringValue == "moltnet")
            let diaryID = try #require(imported["diaryId"]?.stringValue)

            let out = admin.home + "/out.jsonl"
            let exportStarted = ContinuousClock.now
            let exported = try await admin.run(
                ["diaries", "export", "--diary", diaryID, "--out", out], timeout: .seconds(600))
            let exportTime = ContinuousClock.now - exportStarted
            #expect(exported.stdout == "Exported 10000 entries of \"Ten thousand\" to \(out).\n", "\(exported)")
            #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 10_001)
            let header = try #require(JSONValue.parse(Array(lines[0].utf8)))
            #expect(header["format"]?.stringValue == "moltnet-diary" && header["entries"]?.intValue == 10_000)
            #expect(header["diary"]?["id"]?.stringValue == diaryID)
            let entries = try lines.dropFirst().map { try JSONCoding.decode(DiaryEntry.self, from: Data($0.utf8)) }
            let byContent = Dictionary(uniqueKeysWithValues: entries.map { ($0.content, $0) })
            #expect(byContent.count == 10_000)
            for index in 0..<10_000 {
                let entry = try #require(byContent["Entry \(index): notes on topic \(index % 97)"])
                let expectedTitle: String? = index % 5 != 0 ? "Title \(index)" : nil
                let expectedTags: [String]? = index % 3 != 0 ? ["t\(index % 7)", "bulk"] : nil
                guard entry.title == expectedTitle, entry.tags == expectedTags, entry.importance == 1 + index % 10,
                    entry.entryType == Self.types[index % Self.types.count], entry.diaryId.description == diaryID
                else {
                    Issue.record("entry \(index) changed: \(entry)")
                    break
                }
                if index % 1000 == 0 {
                    #expect(
                        entry.supersededBy == byContent["Entry \(index + 1): notes on topic \((index + 1) % 97)"]?.id)
                }
            }
            // An export imports again: its header names the diary (the first 300 entries are enough here).
            let part = admin.home + "/part.jsonl"
            try (lines.prefix(301).joined(separator: "\n") + "\n").write(
                toFile: part, atomically: true, encoding: .utf8)
            let again = try await admin.json(["diaries", "import", part, "--name", "Copy"])
            #expect(again["entries"]?.intValue == 300 && again["visibility"]?.stringValue == "moltnet")
            let pool = try #require(admin.server).database.pool
            #expect(try await Self.count(pool, "SELECT count(*)::int AS count FROM diary_entries") == 10_300)
            print("diaries import of 10,000 entries: \(importTime); export: \(exportTime)")
        }
    }

    @Test("a file with a bad line is refused before anything is written")
    func badFile() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let pool = try #require(admin.server).database.pool
            let before = try await Self.count(pool, "SELECT count(*)::int AS count FROM diaries")
            var lines = try Self.archive(count: 20, name: "Bad").text.split(separator: "\n").map(String.init)
            lines[6] = lines[6].replacingOccurrences(of: "\"importance\":6", with: "\"importance\":11")
            let file = admin.home + "/bad.jsonl"
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let refused = try await admin.run(["diaries", "import", file])
            #expect(refused.status == 1)
            #expect(
                refused.stderr == "error: \(file) line 7: /importance: must be <= 10; nothing was imported\n",
                "\(refused)")
            lines[3] = "{not json"
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let broken = try await admin.run(["diaries", "import", file])
            #expect(broken.status == 1 && broken.stderr.hasPrefix("error: \(file) line 4: not valid JSON"), "\(broken)")
            #expect(try await Self.count(pool, "SELECT count(*)::int AS count FROM diaries") == before)
        }
    }

    @Test("when the server fails part way, the new diary, its entries and their tuples are removed")
    func failurePartWay() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let server = try #require(admin.server)
            let pool = server.database.pool
            let entryTuples: SQL = "SELECT count(*)::int AS count FROM relation_tuples WHERE namespace = 'DiaryEntry'"
            let file = admin.home + "/in.jsonl"
            try Self.archive(count: 600, name: "Breaks").text.write(toFile: file, atomically: true, encoding: .utf8)
            let outcome = try await FaultyProxy.with(
                upstream: server.baseURL, failAt: 400,
                fails: { $0.methodName == "POST" && $0.path.hasSuffix("/entries") }
            ) { proxy in
                try await admin.run(["diaries", "import", file, "--api-url", proxy.baseURL])
            }
            #expect(outcome.status == 1)
            #expect(outcome.stderr.hasPrefix("error: import failed (line "), "\(outcome)")
            #expect(
                outcome.stderr.contains(
                    ": Internal Server Error: An unexpected error occurred (HTTP 500)); the new diary "))
            #expect(outcome.stderr.hasSuffix(" and everything written into it were deleted\n"), "\(outcome)")
            #expect(try await Self.count(pool, "SELECT count(*)::int AS count FROM diaries WHERE name = 'Breaks'") == 0)
            #expect(try await Self.count(pool, "SELECT count(*)::int AS count FROM diary_entries") == 0)
            #expect(try await Self.count(pool, entryTuples) == 0)
        }
    }

    @Test("an import interrupted with SIGINT removes what it wrote")
    func interrupted() async throws {
        try await AdminHarness.with { admin in
            try await admin.bootstrap(1)
            let pool = try #require(admin.server).database.pool
            let file = admin.home + "/in.jsonl"
            try Self.archive(count: 5000, name: "Interrupted").text.write(
                toFile: file, atomically: true, encoding: .utf8)
            let running = try admin.start(["diaries", "import", file, "--parallel", "2"])
            var written = 0
            for _ in 0..<600 where written < 50 {
                try await Task.sleep(for: .milliseconds(50))
                written = try await Self.count(pool, "SELECT count(*)::int AS count FROM diary_entries")
            }
            #expect(written >= 50)
            running.signal(SIGINT)
            let outcome = try await running.wait(timeout: .seconds(120))
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.hasPrefix("error: import failed (interrupted); the new diary "), "\(outcome)")
            #expect(
                try await Self.count(pool, "SELECT count(*)::int AS count FROM diaries WHERE name = 'Interrupted'") == 0
            )
            #expect(try await Self.count(pool, "SELECT count(*)::int AS count FROM diary_entries") == 0)
            #expect(
                try await Self.count(
                    pool, "SELECT count(*)::int AS count FROM relation_tuples WHERE namespace = 'DiaryEntry'")
                    == 0)
        }
    }
}
