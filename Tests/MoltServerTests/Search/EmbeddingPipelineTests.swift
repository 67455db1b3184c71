import Foundation
import MoltCore
import MoltEmbeddings
import MoltPostgres
import MoltTestSupport
import Testing

@testable import MoltServer

/// Entries are embedded off the request path by the durable `embedEntry` workflow on the `embeddings` queue
/// (issue 9): a new entry gets its vector, an edit of its text gets a new one, and the vector is the model's
/// own passage embedding of the entry's text.
@Suite("Embedding pipeline: the embedEntry queue fills and refreshes vectors", .timeLimit(.minutes(4)))
struct EmbeddingPipelineTests {
    @Test("a created entry is searchable by text at once and gets the model's vector through the queue")
    func createdEntryIsEmbedded() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary()
            let entry = try await agent.createEntry(
                in: diary.id,
                CreateEntryRequest(content: "The sourdough starter doubled overnight.", title: "Bread", tags: ["bake"]))
            // Full text needs no vector.
            #expect(try await SearchScopingTests.search("sourdough starter", as: agent) == [entry.id])

            try await SearchTestSupport.waitForEmbeddings(server, entries: [entry.id], timeout: .seconds(120))
            let stored = try await SearchTestSupport.storedEmbedding(server, entry.id)
            #expect(stored.model == "all-MiniLM-L6-v2")
            let vector = try #require(stored.vector)
            #expect(vector.count == 384)
            let expected = try await Self.passageVector(
                server, title: "Bread", content: "The sourdough starter doubled overnight.", tags: ["bake"])
            #expect(SearchTestSupport.cosine(vector, expected) > 0.99999)

            // The vector is written by the workflow's step; the workflow records SUCCESS just after it.
            var workflows: [PostgresRow] = []
            let deadline = ContinuousClock.now + .seconds(30)
            repeat {
                workflows = try await server.database.pool.query(
                    """
                    SELECT status, queue_name FROM dbos.workflow_status
                    WHERE name = 'embedEntry' AND workflow_uuid LIKE \("embed-\(entry.id)-%")
                    """
                ).rows
                if try workflows.first?.decode("status", as: String.self) == "SUCCESS" { break }
                try await Task.sleep(for: .milliseconds(50))
            } while ContinuousClock.now < deadline
            #expect(workflows.count == 1)
            #expect(try workflows.first?.decode("status", as: String.self) == "SUCCESS")
            #expect(try workflows.first?.decode("queue_name", as: String.self) == "embeddings")

            // By vector alone: a paraphrase sharing no word with the entry.
            #expect(try await Self.vectorSearch(server, "wild yeast culture rising in a jar", diary.id) == [entry.id])
        }
    }

    @Test("editing an entry's text re-embeds it; a metadata-only edit keeps the vector")
    func editedEntryIsReEmbedded() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary()
            let entry = try await agent.createEntry(
                in: diary.id, CreateEntryRequest(content: "Fixed the leaking faucet in the bathroom."))
            try await SearchTestSupport.waitForEmbeddings(server, entries: [entry.id], timeout: .seconds(120))
            let before = try #require(try await SearchTestSupport.storedEmbedding(server, entry.id).vector)

            _ = try await agent.patch(
                "/diaries/\(diary.id)/entries/\(entry.id)", UpdateEntryRequest(importance: 9)
            ).decode(DiaryEntry.self)
            #expect(try await Self.embedWorkflows(server, entry.id) == 1)
            #expect(try await SearchTestSupport.storedEmbedding(server, entry.id).vector == before)

            let newText = "Migrated the billing service to a new message broker."
            _ = try await agent.patch(
                "/diaries/\(diary.id)/entries/\(entry.id)", UpdateEntryRequest(content: newText)
            ).decode(DiaryEntry.self)
            let expected = try await Self.passageVector(server, title: nil, content: newText, tags: nil)
            let deadline = ContinuousClock.now + .seconds(120)
            var after = before
            while SearchTestSupport.cosine(after, expected) < 0.99999, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                after = try await SearchTestSupport.storedEmbedding(server, entry.id).vector ?? before
            }
            #expect(SearchTestSupport.cosine(after, expected) > 0.99999)
            #expect(SearchTestSupport.cosine(after, before) < 0.5)
            #expect(try await Self.embedWorkflows(server, entry.id) == 2)
            #expect(
                try await Self.vectorSearch(server, "moving payments onto another queue system", diary.id) == [entry.id]
            )
        }
    }

    /// The model's passage vector of an entry text.
    static func passageVector(
        _ server: TestServer, title: String?, content: String, tags: [String]?
    ) async throws -> [Float] {
        let embedded = await server.application.services.embeddings.embed(title: title, content: content, tags: tags)
        return try #require(embedded, "the embedding model is not loaded").vector
    }

    /// Vector-only search in one diary.
    static func vectorSearch(_ server: TestServer, _ text: String, _ diary: DiaryID, limit: Int = 5) async throws
        -> [EntryID]
    {
        let services = server.application.services
        var query = SearchRepository.Query(text: nil, scope: .diaries([diary]), limit: limit)
        guard let vector = await services.embeddings.embed(query: text) else {
            throw APIAgentError("the embedding model is not loaded")
        }
        query.embedding = vector
        return try await SearchRepository(database: services.database).search(query).map(\.entry.id)
    }

    /// How many `embedEntry` workflows were started for an entry.
    static func embedWorkflows(_ server: TestServer, _ entry: EntryID) async throws -> Int {
        try await server.database.pool.query(
            "SELECT count(*) AS n FROM dbos.workflow_status WHERE workflow_uuid LIKE \("embed-\(entry)-%")"
        ).first?.decode("n", as: Int.self) ?? 0
    }
}
