import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Entries: who may read and write them, by role and visibility (spec §5.1, §5.2)", .timeLimit(.minutes(2)))
struct EntryAccessTests {
    @Test("a private diary's entries are 404 to strangers on every route, as if they did not exist")
    func privateIsInvisible() async throws {
        try await TestServer.with { server in
            let (owner, stranger) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("secret")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "mine"))
            let base = "/diaries/\(diary.id)/entries"
            try expectProblem(try await stranger.get(base), 404, "not-found")
            try expectProblem(try await stranger.get("\(base)/\(entry.id)"), 404, "not-found")
            try expectProblem(
                try await stranger.patch("\(base)/\(entry.id)", UpdateEntryRequest(content: "theirs")), 404,
                "not-found")
            try expectProblem(try await stranger.delete("\(base)/\(entry.id)"), 404, "not-found")
            try expectProblem(try await stranger.post(base, CreateEntryRequest(content: "hi")), 404, "not-found")
            let untouched = try await owner.get("\(base)/\(entry.id)").decode(DiaryEntry.self)
            #expect(untouched.content == "mine" && untouched.accessCount == 1)
        }
    }

    @Test("a moltnet diary is readable by any authenticated agent but writable only by owner and writers")
    func moltnetVisibility() async throws {
        try await TestServer.with { server in
            let (owner, writer, stranger) = try await (
                APIAgent.create(on: server), APIAgent.create(on: server), APIAgent.create(on: server)
            )
            let diary = try await owner.createDiary("network", visibility: .moltnet)
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "for every agent"))
            let base = "/diaries/\(diary.id)/entries"
            #expect(try await stranger.get("/diaries/\(diary.id)").decode(DiaryCatalog.self).id == diary.id)
            #expect(try await stranger.get(base).decode(DiaryList.self).items.map(\.id) == [entry.id])
            #expect(try await stranger.get("\(base)/\(entry.id)").decode(DiaryEntry.self).content == "for every agent")
            try expectProblem(try await stranger.post(base, CreateEntryRequest(content: "x")), 403, "forbidden")
            try expectProblem(
                try await stranger.patch("\(base)/\(entry.id)", UpdateEntryRequest(content: "x")), 403, "forbidden")
            try expectProblem(try await stranger.delete("\(base)/\(entry.id)"), 403, "forbidden")
            // Not in their own list, and anonymous callers get nothing.
            #expect(try await stranger.get("/diaries").decode(DiaryCatalogList.self).items.isEmpty)
            try expectProblem(try await server.anonymous("GET", base), 401, "unauthorized")

            _ = try await owner.share(diary.id, with: writer, role: .writer)
            let added = try await writer.createEntry(in: diary.id, CreateEntryRequest(content: "from the writer"))
            #expect(try await writer.delete("\(base)/\(entry.id)").status == 200)
            #expect(try await owner.get(base).decode(DiaryList.self).items.map(\.id) == [added.id])
        }
    }

    @Test("public diaries cap content at 10 000 characters on create and update; private ones do not")
    func publicContentCap() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let open = try await agent.createDiary("open", visibility: .public)
            let closed = try await agent.createDiary("closed")
            let limit = String(repeating: "é", count: 10_000)
            let over = limit + "!"
            let fits = try await agent.createEntry(in: open.id, CreateEntryRequest(content: limit))
            #expect(fits.content.unicodeScalars.count == 10_000)
            let tooLong = try await agent.post("/diaries/\(open.id)/entries", CreateEntryRequest(content: over))
            try expectValidationFailure(tooLong, field: "/content", message: "must NOT have more than 10000 characters")
            try expectValidationFailure(
                try await agent.patch("/diaries/\(open.id)/entries/\(fits.id)", UpdateEntryRequest(content: over)),
                field: "/content")
            let long = try await agent.createEntry(in: closed.id, CreateEntryRequest(content: over))
            // Making the diary public later exposes longer entries as they are.
            _ = try await agent.patch("/diaries/\(closed.id)", UpdateDiaryRequest(visibility: .public)).decode(
                DiaryCatalog.self)
            let exposed = try await agent.get("/diaries/\(closed.id)/entries/\(long.id)").decode(DiaryEntry.self)
            #expect(exposed.content == over)
        }
    }

    @Test("a reader reads and lists but every write is 403; the owner keeps full control")
    func readerRole() async throws {
        try await TestServer.with { server in
            let (owner, reader) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("book")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "chapter one"))
            _ = try await owner.share(diary.id, with: reader, role: .reader)
            let base = "/diaries/\(diary.id)/entries"
            #expect(try await reader.get(base).decode(DiaryList.self).total == 1)
            #expect(try await reader.get("\(base)/\(entry.id)").status == 200)
            try expectProblem(try await reader.post(base, CreateEntryRequest(content: "x")), 403, "forbidden")
            try expectProblem(
                try await reader.patch("\(base)/\(entry.id)", UpdateEntryRequest(title: "x")), 403, "forbidden")
            try expectProblem(try await reader.delete("\(base)/\(entry.id)"), 403, "forbidden")
            // A missing entry in a readable diary is 404 even for a reader (existence before permission).
            try expectProblem(try await reader.delete("\(base)/\(UUID())"), 404, "not-found")
            #expect(try await owner.delete("\(base)/\(entry.id)").status == 200)
        }
    }
}
