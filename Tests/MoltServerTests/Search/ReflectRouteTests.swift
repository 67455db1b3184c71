import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

/// `GET /diaries/reflect` over HTTP (spec §5.7, issue 4): the digest honours `days`, `maxEntries` and
/// `entryTypes`, leaves superseded entries out, needs a token, rejects bad parameters and hides diaries the caller
/// cannot read behind a 404.
@Suite("Reflect route: GET /diaries/reflect", .timeLimit(.minutes(2)))
struct ReflectRouteTests {
    @Test("the digest lists recent, current entries newest first, filtered by days, maxEntries and entryTypes")
    func digest() async throws {
        try await TestServer.with(configure: SearchRouteInputTests.textOnly) { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("journal")
            let old = try await agent.createEntry(
                in: diary.id, CreateEntryRequest(content: "ten days ago", entryType: .episodic))
            let replaced = try await agent.createEntry(
                in: diary.id, CreateEntryRequest(content: "old plan", entryType: .semantic))
            let plan = try await agent.createEntry(
                in: diary.id,
                CreateEntryRequest(content: "new plan", tags: ["plan"], importance: 8, entryType: .semantic))
            let feeling = try await agent.createEntry(
                in: diary.id, CreateEntryRequest(content: "felt good", entryType: .reflection))
            _ = try await agent.patch(
                "/diaries/\(diary.id)/entries/\(replaced.id)", UpdateEntryRequest(supersededBy: plan.id)
            ).decode(DiaryEntry.self)
            _ = try await server.database.pool.query(
                "UPDATE diary_entries SET created_at = now() - interval '10 days' WHERE id = \(old.id)")

            let digest = try await Self.reflect(diary.id, as: agent)
            #expect(digest.entries.map(\.id) == [feeling.id, plan.id])
            #expect(digest.totalEntries == 2 && digest.periodDays == SearchLimits.defaultReflectDays)
            let newest = try #require(digest.entries.last)
            #expect(newest.content == "new plan" && newest.tags == ["plan"] && newest.importance == 8)
            #expect(newest.entryType == .semantic && newest.createdAt == plan.createdAt)
            #expect(abs(digest.generatedAt.timeIntervalSinceNow) < 60)

            let month = try await Self.reflect(diary.id, "&days=30", as: agent)
            #expect(month.entries.map(\.id) == [feeling.id, plan.id, old.id] && month.periodDays == 30)
            #expect(
                try await Self.reflect(diary.id, "&days=30&maxEntries=1", as: agent).entries.map(\.id) == [feeling.id])
            let typed = try await Self.reflect(diary.id, "&days=365&entryTypes=episodic,semantic", as: agent)
            #expect(typed.entries.map(\.id) == [plan.id, old.id] && typed.totalEntries == 2)
            #expect(try await Self.reflect(diary.id, "&entryTypes=identity", as: agent).entries.isEmpty)
        }
    }

    @Test("reflect needs a token, valid parameters, and a diary the caller can read")
    func failures() async throws {
        try await TestServer.with(configure: SearchRouteInputTests.textOnly) { server in
            let (owner, stranger) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("private")
            let target = "/diaries/reflect?diaryId=\(diary.id)"
            try expectProblem(try await server.anonymous("GET", target), 401, "unauthorized")

            let cases: [(String, String)] = [
                ("/diaries/reflect", "diaryId"),
                ("/diaries/reflect?diaryId=not-a-uuid", "/diaryId"),
                ("\(target)&days=0", "/days"),
                ("\(target)&days=366", "/days"),
                ("\(target)&maxEntries=0", "/maxEntries"),
                ("\(target)&maxEntries=201", "/maxEntries"),
                ("\(target)&entryTypes=dream", "/entryTypes"),
                ("\(target)&entryTypes=episodic,", "/entryTypes"),
            ]
            for (bad, field) in cases {
                try expectValidationFailure(try await owner.get(bad), field: field)
            }
            #expect(try await owner.get("\(target)&days=365&maxEntries=200").status == 200)

            try expectProblem(try await stranger.get(target), 404, "not-found")
            try expectProblem(
                try await owner.get("/diaries/reflect?diaryId=\(UUID().uuidString.lowercased())"), 404, "not-found")
            // A reader the diary is shared with may reflect on it, and anyone signed in on a moltnet diary.
            _ = try await owner.share(diary.id, with: stranger, role: .reader)
            #expect(try await Self.reflect(diary.id, as: stranger).entries.isEmpty)
            let network = try await owner.createDiary("network", visibility: .moltnet)
            let note = try await owner.createEntry(in: network.id, CreateEntryRequest(content: "for members"))
            let third = try await APIAgent.create(on: server)
            #expect(try await Self.reflect(network.id, as: third).entries.map(\.id) == [note.id])
        }
    }

    /// The digest of `GET /diaries/reflect?diaryId=…` plus `extra` query text.
    static func reflect(_ diary: DiaryID, _ extra: String = "", as agent: APIAgent) async throws -> DiaryDigest {
        try await agent.get("/diaries/reflect?diaryId=\(diary)\(extra)").decode(DiaryDigest.self)
    }
}
