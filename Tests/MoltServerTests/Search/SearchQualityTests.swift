import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// Search quality on a labelled set (issue 9): 500 entries loaded through the API into a real server with the
/// real all-MiniLM-L6-v2 model, embedded by the `embedEntry` queue, then 20 queries ranked three ways.
/// Figures are recorded in docs/embeddings.md.
@Suite("Search quality: recall@5 of text-only, vector-only and hybrid search", .timeLimit(.minutes(8)))
struct SearchQualityTests {
    /// Hybrid recall@5 must reach this (measured: see docs/embeddings.md).
    static let hybridFloor = 0.75

    @Test("hybrid recall@5 beats text-only and vector-only, and clears the floor")
    func recallAtFive() async throws {
        let fixture = try SearchQualityFixture.load()
        try #require(fixture.entries.count == 500 && fixture.queries.count == 20)
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let diary = try await agent.createDiary("Quality")
            let ids = try await Self.load(fixture, into: diary.id, as: agent)
            try await SearchTestSupport.waitForEmbeddings(server)
            let fixtureID = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
            let services = server.application.services
            let repository = SearchRepository(database: services.database)

            // recall[mode][query kind]: summed recall@5.
            var recall: [String: [String: Double]] = [:]
            for query in fixture.queries {
                let scope = SearchRepository.Query(text: nil, scope: .diaries([diary.id]), limit: 5)
                var textOnly = scope
                textOnly.text = query.query
                var vectorOnly = scope
                guard let queryVector = await services.embeddings.embed(query: query.query) else {
                    throw APIAgentError("the embedding model is not loaded")
                }
                vectorOnly.embedding = queryVector
                let ranked = [
                    "text": try await repository.search(textOnly).compactMap { fixtureID[$0.entry.id] },
                    "vector": try await repository.search(vectorOnly).compactMap { fixtureID[$0.entry.id] },
                    "hybrid": try await agent.post(
                        "/diaries/search", SearchDiaryRequest(diaryId: diary.id, query: query.query, limit: 5)
                    ).decode(DiarySearchResult.self).results.compactMap { fixtureID[$0.id] },
                ]
                for (mode, ids) in ranked {
                    recall[mode, default: [:]][query.kind, default: 0] += SearchQualityFixture.recall(
                        ids, relevant: query.relevant)
                }
                print("search-quality \(query.query): \(ranked.sorted { $0.key < $1.key })")
            }
            let perKind = Double(fixture.queries.count / 2)
            for (mode, kinds) in recall.sorted(by: { $0.key < $1.key }) {
                let figures = kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value / perKind)" }
                print("search-quality recall@5 \(mode): \(figures.joined(separator: ", "))")
            }
            let overall = recall.mapValues { $0.values.reduce(0, +) / Double(fixture.queries.count) }
            print("search-quality recall@5 overall: \(overall.sorted { $0.key < $1.key })")
            let (text, vector, hybrid) = (overall["text"] ?? 0, overall["vector"] ?? 0, overall["hybrid"] ?? 0)
            #expect(hybrid > text)
            #expect(hybrid > vector)
            #expect(hybrid >= Self.hybridFloor)
        }
    }

    /// Creates every fixture entry through `POST /diaries/{id}/entries`, eight at a time; returns the server's id
    /// of each fixture id.
    private static func load(
        _ fixture: SearchQualityFixture, into diary: DiaryID, as agent: APIAgent
    ) async throws -> [String: EntryID] {
        var ids: [String: EntryID] = [:]
        for batch in stride(from: 0, to: fixture.entries.count, by: 8) {
            let slice = fixture.entries[batch..<min(batch + 8, fixture.entries.count)]
            try await withThrowingTaskGroup(of: (String, EntryID).self) { group in
                for entry in slice {
                    group.addTask {
                        (
                            entry.id,
                            try await agent.createEntry(in: diary, CreateEntryRequest(content: entry.content)).id
                        )
                    }
                }
                for try await (fixtureID, entryID) in group { ids[fixtureID] = entryID }
            }
        }
        return ids
    }
}
