import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The behaviour behind the REST benchmark's optimisations (docs/performance.md): the per-diary entry counter
/// (migration 0005), the owner shortcut of `DiaryAccess`, and reading an entry in one statement.
@Suite("Entry listing totals, owner access and entry reads", .timeLimit(.minutes(2)))
struct EntryListingPerformanceTests {
    @Test("the listing total follows creates, deletes and bulk inserts through the per-diary counter")
    func totalsFollowTheCounter() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("counted")
            let other = try await agent.createDiary("other")
            let base = "/diaries/\(diary.id)/entries"
            #expect(try await agent.get(base).decode(DiaryList.self).total == 0)
            #expect(try await counterRow(diary.id, server) == 0)
            var created: [DiaryEntry] = []
            for index in 0..<3 {
                created.append(try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "entry \(index)")))
            }
            _ = try await agent.createEntry(in: other.id, CreateEntryRequest(content: "elsewhere"))
            let page = try await agent.get("\(base)?limit=2").decode(DiaryList.self)
            #expect(page.total == 3 && page.items.map(\.id) == [created[2].id, created[1].id])
            #expect(try await agent.delete("\(base)/\(created[0].id)").status == 200)
            #expect(try await agent.get(base).decode(DiaryList.self).total == 2)
            try await server.database.pool.query(
                """
                INSERT INTO diary_entries (diary_id, content)
                SELECT \(diary.id), 'bulk ' || i FROM generate_series(1, 50) AS i
                """)
            #expect(try await counterRow(diary.id, server) == 52)
            let beyond = try await agent.get("\(base)?limit=10&offset=500").decode(DiaryList.self)
            #expect(beyond.items.isEmpty && beyond.total == 52 && beyond.offset == 500)
            #expect(try await agent.get("/diaries/\(other.id)/entries").decode(DiaryList.self).total == 1)
            #expect(try await agent.delete("/diaries/\(diary.id)").status == 200)
            #expect(try await counterRow(diary.id, server) == nil)
        }
    }

    @Test("filtered listings still count only the matching entries")
    func filteredTotals() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("filtered")
            _ = try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "a", tags: ["x"]))
            _ = try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "b", tags: ["x", "y"]))
            _ = try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "c", entryType: .procedural))
            let base = "/diaries/\(diary.id)/entries"
            #expect(try await agent.get("\(base)?tags=x").decode(DiaryList.self).total == 2)
            #expect(try await agent.get("\(base)?tags=x,y").decode(DiaryList.self).total == 1)
            #expect(try await agent.get("\(base)?entryType=procedural").decode(DiaryList.self).total == 1)
            #expect(try await agent.get("\(base)?tags=x&offset=5").decode(DiaryList.self).total == 2)
            #expect(try await agent.get(base).decode(DiaryList.self).total == 3)
        }
    }

    @Test("the owner reads and writes their diary without a permission check; strangers still get 404")
    func ownerShortcut() async throws {
        try await TestServer.with { server in
            let (owner, stranger) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("mine")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "kept"))
            // Without its owner tuple only owner_id says whose diary it is: the owner keeps every right.
            try await server.application.identity.permissions.delete(
                RelationQuery(namespace: "Diary", object: diary.id.description, relation: "owner"))
            let base = "/diaries/\(diary.id)/entries"
            #expect(try await owner.get("\(base)/\(entry.id)").decode(DiaryEntry.self).content == "kept")
            #expect(try await owner.get(base).decode(DiaryList.self).total == 1)
            _ = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "more"))
            #expect(try await owner.patch("/diaries/\(diary.id)", UpdateDiaryRequest(name: "renamed")).status == 200)
            try expectProblem(try await stranger.get("\(base)/\(entry.id)"), 404, "not-found")
            try expectProblem(try await stranger.get(base), 404, "not-found")
        }
    }

    @Test("reading an entry counts the access in the answer; entries of another diary stay 404")
    func readCountsAccess() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let (diary, other) = try await (agent.createDiary("one"), agent.createDiary("two"))
            let entry = try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "read me"))
            let first = try await agent.get("/diaries/\(diary.id)/entries/\(entry.id)").decode(DiaryEntry.self)
            #expect(first.accessCount == 1 && first.lastAccessedAt != nil)
            let second = try await agent.get("/diaries/\(diary.id)/entries/\(entry.id)").decode(DiaryEntry.self)
            #expect(second.accessCount == 2)
            try expectProblem(try await agent.get("/diaries/\(other.id)/entries/\(entry.id)"), 404, "not-found")
            try expectProblem(try await agent.get("/diaries/\(diary.id)/entries/\(UUID())"), 404, "not-found")
            let stored = try await agent.get("/diaries/\(diary.id)/entries/\(entry.id)").decode(DiaryEntry.self)
            #expect(stored.accessCount == 3)
        }
    }

    @Test("a reader of a private diary reads through the permission check; a stranger's read counts nothing")
    func sharedReads() async throws {
        try await TestServer.with { server in
            let (owner, reader, stranger) = try await (
                APIAgent.create(on: server), APIAgent.create(on: server), APIAgent.create(on: server)
            )
            let diary = try await owner.createDiary("shared")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "for readers"))
            _ = try await owner.share(diary.id, with: reader, role: .reader)
            let base = "/diaries/\(diary.id)/entries"
            let read = try await reader.get("\(base)/\(entry.id)").decode(DiaryEntry.self)
            #expect(read.content == "for readers" && read.accessCount == 1)
            #expect(try await reader.get(base).decode(DiaryList.self).total == 1)
            try expectProblem(try await reader.get("\(base)/\(UUID())"), 404, "not-found")
            try expectProblem(try await stranger.get("\(base)/\(entry.id)"), 404, "not-found")
            try expectProblem(try await stranger.get(base), 404, "not-found")
            try expectProblem(try await stranger.get("/diaries/\(UUID())/entries"), 404, "not-found")
            let after = try await owner.get("\(base)/\(entry.id)").decode(DiaryEntry.self)
            #expect(after.accessCount == 2)
        }
    }

    private func counterRow(_ diary: DiaryID, _ server: TestServer) async throws -> Int? {
        try await server.database.pool.query("SELECT entries FROM diary_entry_counts WHERE diary_id = \(diary)")
            .first?.decode("entries", as: Int.self)
    }
}
