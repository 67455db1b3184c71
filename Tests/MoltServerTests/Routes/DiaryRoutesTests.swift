import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Diaries: create, list, read, change, delete (spec §1.5)", .timeLimit(.minutes(2)))
struct DiaryRoutesTests {
    @Test("POST /diaries answers 201 with a private, unsigned diary owned by the caller")
    func create() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let response = try await agent.post("/diaries", CreateDiaryRequest(name: "Notes"))
            let diary = try response.decode(DiaryCatalog.self, status: 201)
            #expect(diary.name == "Notes")
            #expect(diary.ownerId == agent.agentID)
            #expect(diary.visibility == .private)
            #expect(diary.signed == false)
            #expect(diary.createdAt == diary.updatedAt)
            let fetched = try await agent.get("/diaries/\(diary.id)").decode(DiaryCatalog.self)
            #expect(fetched == diary)
            let public_ = try await agent.createDiary("Open", visibility: .public)
            #expect(public_.visibility == .public)
        }
    }

    @Test("GET /diaries lists only the caller's own diaries, newest first, not those shared with them")
    func listOwnedOnly() async throws {
        try await TestServer.with { server in
            let (owner, other) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let first = try await owner.createDiary("first")
            let second = try await owner.createDiary("second")
            let foreign = try await other.createDiary("theirs", visibility: .moltnet)
            _ = try await other.share(foreign.id, with: owner, role: .writer)
            let list = try await owner.get("/diaries").decode(DiaryCatalogList.self)
            #expect(list.items.map(\.id) == [second.id, first.id])
            let theirs = try await other.get("/diaries").decode(DiaryCatalogList.self)
            #expect(theirs.items.map(\.id) == [foreign.id])
        }
    }

    @Test("bad bodies are 400 validation-failed naming the field; unknown members are ignored")
    func validation() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            try expectValidationFailure(
                try await agent.send("POST", "/diaries", body: body([:])), field: "name",
                message: "must have required property 'name'")
            try expectValidationFailure(
                try await agent.send("POST", "/diaries", body: body(["name": ""])), field: "/name",
                message: "must NOT have fewer than 1 characters")
            try expectValidationFailure(
                try await agent.send(
                    "POST", "/diaries", body: body(["name": .string(String(repeating: "n", count: 256))])),
                field: "/name", message: "must NOT have more than 255 characters")
            try expectValidationFailure(
                try await agent.send("POST", "/diaries", body: body(["name": 5])), field: "/name")
            try expectValidationFailure(
                try await agent.send("POST", "/diaries", body: body(["name": "x", "visibility": "secret"])),
                field: "/visibility", message: "must be equal to one of the allowed values")
            let malformed = try await agent.send("POST", "/diaries", body: Array("{\"name\":".utf8))
            try expectProblem(malformed, 400, "validation-failed")
            let extra = try await agent.send("POST", "/diaries", body: body(["name": "x", "colour": "red"]))
            #expect(extra.status == 201)
            let diary = try await agent.createDiary()
            try expectValidationFailure(
                try await agent.send("PATCH", "/diaries/\(diary.id)", body: body(["name": ""])), field: "/name")
            try expectValidationFailure(try await agent.get("/diaries/not-a-uuid"), field: "/id")
        }
    }

    @Test("GET /diaries/{id}: a private diary of someone else and a missing one are the same 404")
    func readRules() async throws {
        try await TestServer.with { server in
            let (owner, stranger) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("mine")
            let detail = "Diary not found or access denied"
            try expectProblem(try await stranger.get("/diaries/\(diary.id)"), 404, "not-found", detail: detail)
            try expectProblem(try await owner.get("/diaries/\(UUID())"), 404, "not-found", detail: detail)
            // GET /diaries/search lands on /diaries/{id} (only POST has /diaries/search): 400, not 404.
            try expectValidationFailure(try await owner.get("/diaries/search"), field: "/id")
        }
    }

    @Test("PATCH /diaries/{id}: owner changes name and visibility; 404 when missing; 403 for a non-owner")
    func update() async throws {
        try await TestServer.with { server in
            let (owner, writer, stranger) = try await (
                APIAgent.create(on: server), APIAgent.create(on: server), APIAgent.create(on: server)
            )
            let diary = try await owner.createDiary("before")
            _ = try await owner.share(diary.id, with: writer, role: .writer)
            try await Task.sleep(for: .milliseconds(5))
            let updated = try await owner.patch(
                "/diaries/\(diary.id)", UpdateDiaryRequest(name: "after", visibility: .moltnet)
            ).decode(DiaryCatalog.self)
            #expect(updated.name == "after")
            #expect(updated.visibility == .moltnet)
            #expect(updated.updatedAt > diary.updatedAt)
            #expect(updated.createdAt == diary.createdAt)
            let unchanged = try await owner.patch("/diaries/\(diary.id)", UpdateDiaryRequest()).decode(
                DiaryCatalog.self)
            #expect(unchanged.name == "after")
            for agent in [writer, stranger] {
                try expectProblem(
                    try await agent.patch("/diaries/\(diary.id)", UpdateDiaryRequest(name: "mine now")), 403,
                    "forbidden")
            }
            try expectProblem(
                try await owner.patch("/diaries/\(UUID())", UpdateDiaryRequest(name: "x")), 404, "not-found")
            #expect(try await owner.get("/diaries/\(diary.id)").decode(DiaryCatalog.self).name == "after")
        }
    }

    @Test("DELETE /diaries/{id}: 403 for others, 404 when missing; the owner's delete removes entries and shares")
    func delete() async throws {
        try await TestServer.with { server in
            let (owner, reader) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("doomed")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "soon gone"))
            _ = try await owner.share(diary.id, with: reader, role: .reader)
            try expectProblem(try await reader.delete("/diaries/\(diary.id)"), 403, "forbidden")
            try expectProblem(try await owner.delete("/diaries/\(UUID())"), 404, "not-found")
            let deleted = try await owner.delete("/diaries/\(diary.id)")
            #expect(try deleted.decode(Success.self).success)
            try expectProblem(try await owner.get("/diaries/\(diary.id)"), 404, "not-found")
            try expectProblem(try await reader.get("/diaries/\(diary.id)/entries/\(entry.id)"), 404, "not-found")
            let rows = try await server.database.pool.query(
                "SELECT (SELECT count(*) FROM diary_entries) + (SELECT count(*) FROM diary_shares) AS n"
            ).first!.decode("n", as: Int.self)
            #expect(rows == 0)
            let tuples = try await server.database.pool.query(
                "SELECT count(*) AS n FROM relation_tuples WHERE namespace = 'Diary' AND object = \(diary.id.description)"
            ).first!.decode("n", as: Int.self)
            #expect(tuples == 0)
            try expectProblem(try await owner.delete("/diaries/\(diary.id)"), 404, "not-found")
        }
    }
}
