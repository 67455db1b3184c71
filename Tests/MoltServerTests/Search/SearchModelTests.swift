import Foundation
import MoltCore
import MoltTestSupport
import Testing

/// Stored vectors carry the id of the model that made them; search compares the query's vector only with
/// vectors of the same model, so switching models never ranks incomparable vectors (until the backfill has
/// re-embedded them, full text still finds those entries).
@Suite("Search compares vectors of one model", .timeLimit(.minutes(3)))
struct SearchModelTests {
    @Test("an entry whose vector came from another model is not found by meaning, still by its words")
    func otherModelsVectorsAreSkipped() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("Models")
            let entry = try await agent.createEntry(
                in: diary.id, CreateEntryRequest(content: "The cat slept all afternoon on the warm windowsill."))
            try await SearchTestSupport.waitForEmbeddings(server)
            let byMeaning = "a kitten napping in the sun"
            #expect(try await Self.search(byMeaning, as: agent) == [entry.id], "the vector half finds it")

            try await server.database.pool.query(
                "UPDATE diary_entries SET embedding_model = 'another-model' WHERE id = \(entry.id)")
            #expect(try await Self.search(byMeaning, as: agent) == [], "another model's vector is not compared")
            #expect(try await Self.search("windowsill", as: agent) == [entry.id], "full text still finds it")
        }
    }

    static func search(_ query: String, as agent: APIAgent) async throws -> [EntryID] {
        try await agent.post("/diaries/search", SearchDiaryRequest(query: query, limit: 10))
            .decode(DiarySearchResult.self).results.map(\.id)
    }
}
