import Foundation
import MoltTestSupport

/// `Tests/Fixtures/search-quality.json` (written by `search-quality.py` beside it): 500 diary entries over 20
/// topics and 20 queries, each with the ids of its 5 relevant entries. Ten queries are descriptive (only one
/// relevant entry has every query word, two decoys have them in another sense, the rest paraphrase), ten are
/// exact names (a code name, ticket, flight, person) that the relevant entries mention in passing.
struct SearchQualityFixture: Decodable {
    struct Entry: Decodable {
        let id: String
        let content: String
        /// `lexical`, `paraphrase`, `decoy`, `term` or `neighbour`.
        let kind: String
    }

    struct Query: Decodable {
        let query: String
        /// `descriptive` or `name`.
        let kind: String
        let relevant: [String]
    }

    let entries: [Entry]
    let queries: [Query]

    static func load() throws -> SearchQualityFixture {
        try JSONDecoder().decode(SearchQualityFixture.self, from: Fixtures.data("search-quality.json"))
    }

    /// Recall at `k` of one ranking: the share of `relevant` found among the first `k` results.
    static func recall(_ ranked: [String], relevant: [String], k: Int = 5) -> Double {
        let found = Set(ranked.prefix(k)).intersection(relevant).count
        return Double(found) / Double(relevant.count)
    }
}
