import Foundation
import MoltClient
import MoltCore
import MoltEmbeddings
import MoltServer

/// The timed searches: through the REST API (everything a client waits for) and the hybrid SQL alone, over
/// the agent's five diaries and over one. The scenarios take turns query by query, so a burst of load from
/// elsewhere on the machine hits them alike; `searches` rounds after a warm-up of 50 that is not recorded.
struct SearchScenarios {
    let queries: [String]
    let vectors: [String: [Float]]
    let searches: Int
    let client: MoltAPIClient
    let repository: SearchRepository
    let readable: [DiaryID]
    let embedder: SentenceEmbedder

    func run() async throws -> [Latency] {
        let scenarios: [(String, (String) async throws -> Void)] = [
            ("query embedding alone (MiniLM, in process)", { query in _ = await embedder.embed(query: query) }),
            (
                "API POST /diaries/search, hybrid, 5 readable diaries",
                { query in _ = try await client.search(SearchDiaryRequest(query: query, limit: 10)) }
            ),
            (
                "API POST /diaries/search, hybrid, one diary",
                { query in
                    _ = try await client.search(SearchDiaryRequest(diaryId: readable[0], query: query, limit: 10))
                }
            ),
            (
                "SQL hybrid (query vector given), 5 diaries",
                { query in
                    _ = try await repository.search(
                        SearchRepository.Query(
                            text: query, embedding: vectors[query], scope: .diaries(readable), limit: 10))
                }
            ),
            (
                "SQL vector only, 5 diaries",
                { query in
                    _ = try await repository.search(
                        SearchRepository.Query(embedding: vectors[query], scope: .diaries(readable), limit: 10))
                }
            ),
            (
                "SQL full text only, 5 diaries",
                { query in
                    _ = try await repository.search(
                        SearchRepository.Query(text: query, scope: .diaries(readable), limit: 10))
                }
            ),
        ]
        for index in 0..<50 {
            for (_, search) in scenarios { try await search(queries[index % queries.count]) }
        }
        var results = scenarios.map { Latency(name: $0.0) }
        for index in 0..<searches {
            let query = queries[(index * 7) % queries.count]
            for (position, (_, search)) in scenarios.enumerated() {
                try await results[position].measure { try await search(query) }
            }
        }
        for latency in results {
            FileHandle.standardError.write(
                Data(
                    "bench/search: \(latency.name): p50 \(latency.percentile(50)) ms, p99 \(latency.percentile(99)) ms\n"
                        .utf8))
        }
        return results
    }
}
