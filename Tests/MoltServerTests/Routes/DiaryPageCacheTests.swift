import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

@testable import MoltServer

/// `DiaryPageCache` on its own (races, lifetime, budget, the listener's state) and behind
/// `GET /diaries/{id}/entries` on a real server: own writes are read at once, other writers' changes arrive
/// through `moltnet_diary_changed`, and access is decided on every hit.
@Suite("Diary page cache", .timeLimit(.minutes(2)))
struct DiaryPageCacheTests {
    private static func page(_ diary: DiaryID, _ text: String, owner: AgentID = AgentID(rawValue: UUID()))
        -> DiaryPageCache.Page
    {
        let catalog = DiaryCatalog(
            id: diary, ownerId: owner, name: "d", visibility: .private, signed: false, createdAt: Date(),
            updatedAt: Date())
        return DiaryPageCache.Page(diary: catalog, body: Array(text.utf8))
    }

    /// A cache whose change listener is connected.
    private static func listeningCache(lifetime: Duration = .seconds(5), byteBudget: Int = 1 << 20) -> DiaryPageCache {
        let cache = DiaryPageCache(lifetime: lifetime, byteBudget: byteBudget)
        cache.connected()
        return cache
    }

    @Test("a stored page is served until its diary changes; other diaries keep theirs")
    func storeAndInvalidate() async {
        let cache = Self.listeningCache()
        let (one, two) = (DiaryID(rawValue: UUID()), DiaryID(rawValue: UUID()))
        cache.store(Self.page(one, "one"), limit: 20, offset: 0, ticket: cache.ticket())
        cache.store(Self.page(two, "two"), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(cache.page(one, limit: 20, offset: 0)?.body == Array("one".utf8))
        #expect(cache.page(one, limit: 20, offset: 20) == nil)
        #expect(cache.page(one, limit: 10, offset: 0) == nil)
        cache.invalidate(one)
        #expect(cache.page(one, limit: 20, offset: 0) == nil)
        #expect(cache.page(two, limit: 20, offset: 0)?.body == Array("two".utf8))
        cache.invalidateAll()
        #expect(cache.page(two, limit: 20, offset: 0) == nil)
        #expect(cache.usage.pages == 0 && cache.usage.bytes == 0)
    }

    @Test("a page read before a change of its diary is not stored; one read after it is")
    func raceWithAChange() async {
        let cache = Self.listeningCache()
        let (diary, other) = (DiaryID(rawValue: UUID()), DiaryID(rawValue: UUID()))
        let early = cache.ticket()
        cache.invalidate(diary)
        cache.store(Self.page(diary, "stale"), limit: 20, offset: 0, ticket: early)
        #expect(cache.page(diary, limit: 20, offset: 0) == nil)
        cache.store(Self.page(other, "fine"), limit: 20, offset: 0, ticket: early)
        #expect(cache.page(other, limit: 20, offset: 0) != nil)
        cache.store(Self.page(diary, "fresh"), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(cache.page(diary, limit: 20, offset: 0)?.body == Array("fresh".utf8))
        let beforeClear = cache.ticket()
        cache.invalidateAll()
        cache.store(Self.page(other, "stale"), limit: 20, offset: 0, ticket: beforeClear)
        #expect(cache.page(other, limit: 20, offset: 0) == nil)
    }

    @Test("nothing is served before the listener connects nor after it ends")
    func onlyWhileListening() async {
        let cache = DiaryPageCache()
        let diary = DiaryID(rawValue: UUID())
        cache.store(Self.page(diary, "x"), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(cache.page(diary, limit: 20, offset: 0) == nil)
        let (events, continuation) = AsyncStream.makeStream(of: PostgresListener.Event.self)
        let following = Task { await cache.follow(events) }
        continuation.yield(.reconnected)
        while !cache.isListening { await Task.yield() }
        cache.store(Self.page(diary, "x"), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(cache.page(diary, limit: 20, offset: 0) != nil)
        continuation.yield(
            .notification(
                PostgresNotification(channel: DiaryPageCache.channel, payload: diary.description, senderPID: 1)))
        continuation.finish()
        await following.value
        #expect(!cache.isListening)
        #expect(cache.page(diary, limit: 20, offset: 0) == nil)
    }

    @Test("pages expire after their lifetime and the byte budget evicts whole diaries")
    func lifetimeAndBudget() async throws {
        let cache = Self.listeningCache(lifetime: .milliseconds(100), byteBudget: 800)
        let diaries = (0..<8).map { _ in DiaryID(rawValue: UUID()) }
        for diary in diaries {
            cache.store(
                Self.page(diary, String(repeating: "x", count: 100)), limit: 20, offset: 0, ticket: cache.ticket())
        }
        #expect(cache.usage.pages == 8 && cache.usage.bytes == 800)
        let extra = DiaryID(rawValue: UUID())
        cache.store(Self.page(extra, String(repeating: "y", count: 100)), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(cache.usage.bytes <= 800)
        #expect(cache.page(extra, limit: 20, offset: 0) != nil)
        #expect(diaries.filter { cache.page($0, limit: 20, offset: 0) != nil }.count == 7)
        cache.store(Self.page(extra, String(repeating: "z", count: 101)), limit: 20, offset: 0, ticket: cache.ticket())
        #expect(
            cache.page(extra, limit: 20, offset: 0)?.body.count == 100,
            "a page over an eighth of the budget is not kept")
        try await Task.sleep(for: .milliseconds(150))
        #expect(cache.page(extra, limit: 20, offset: 0) == nil)
    }

    @Test("own writes show at once: creates, edits, deletes and counted reads")
    func ownWritesAreReadAtOnce() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("cached")
            let base = "/diaries/\(diary.id)/entries"
            try await Self.waitUntilListening(server)
            var expected: [EntryID] = []
            for index in 0..<10 {
                #expect(try await agent.get(base).decode(DiaryList.self).items.map(\.id) == expected.reversed())
                expected.append(try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "e\(index)")).id)
            }
            #expect(try await agent.get(base).decode(DiaryList.self).total == 10)
            // The create's own notification may still arrive and drop the page once; then it is kept.
            let pages = server.application.services.diaryPages
            #expect(
                try await Self.eventually {
                    try await agent.get(base).decode(DiaryList.self).total == 10 && pages.usage.pages == 1
                }, "the page is kept")
            let first = expected[0]
            _ = try await agent.get("\(base)/\(first)").decode(DiaryEntry.self)
            let counted = try await agent.get(base).decode(DiaryList.self).items.first { $0.id == first }
            #expect(counted?.accessCount == 1)
            _ = try await agent.patch("\(base)/\(first)", UpdateEntryRequest(content: "edited")).decode(DiaryEntry.self)
            #expect(
                try await agent.get(base).decode(DiaryList.self).items.first { $0.id == first }?.content == "edited")
            #expect(try await agent.delete("\(base)/\(first)").status == 200)
            #expect(try await agent.get(base).decode(DiaryList.self).total == 9)
        }
    }

    @Test("changes made outside the server reach its cached pages through the notification")
    func otherWritersAreSeen() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("shared with psql")
            let base = "/diaries/\(diary.id)/entries"
            try await Self.waitUntilListening(server)
            _ = try await agent.createEntry(in: diary.id, CreateEntryRequest(content: "through the API"))
            #expect(try await agent.get(base).decode(DiaryList.self).total == 1)
            #expect(try await agent.get(base).decode(DiaryList.self).total == 1)
            try await server.database.pool.query(
                "INSERT INTO diary_entries (diary_id, content) VALUES (\(diary.id), 'through SQL')")
            #expect(try await Self.eventually { try await agent.get(base).decode(DiaryList.self).total == 2 })
            try await server.database.pool.query(
                "UPDATE diary_entries SET content = 'rewritten' WHERE diary_id = \(diary.id)")
            #expect(
                try await Self.eventually {
                    try await agent.get(base).decode(DiaryList.self).items.allSatisfy { $0.content == "rewritten" }
                })
        }
    }

    @Test("access is decided on every hit: a diary made private is closed to a reader at once, and from SQL soon")
    func accessOnEveryHit() async throws {
        try await TestServer.with { server in
            let (owner, reader) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("open", visibility: .moltnet)
            let base = "/diaries/\(diary.id)/entries"
            try await Self.waitUntilListening(server)
            _ = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "visible"))
            #expect(try await reader.get(base).decode(DiaryList.self).total == 1)
            #expect(try await reader.get(base).decode(DiaryList.self).total == 1)
            _ = try await owner.patch("/diaries/\(diary.id)", UpdateDiaryRequest(visibility: .private))
                .decode(DiaryCatalog.self)
            try expectProblem(try await reader.get(base), 404, "not-found")
            #expect(try await owner.get(base).decode(DiaryList.self).total == 1)
            try await server.database.pool.query("UPDATE diaries SET visibility = 'moltnet' WHERE id = \(diary.id)")
            #expect(try await Self.eventually { try await reader.get(base).status == 200 })
            try await server.database.pool.query("UPDATE diaries SET visibility = 'private' WHERE id = \(diary.id)")
            #expect(try await Self.eventually { try await reader.get(base).status == 404 })
        }
    }

    private static func waitUntilListening(_ server: TestServer) async throws {
        let cache = server.application.services.diaryPages
        #expect(try await eventually { cache.isListening }, "the change listener connects")
    }

    private static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}
