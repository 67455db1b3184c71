import Foundation
import MoltCore
import MoltTestSupport
import Testing

/// Search never returns entries of diaries the caller cannot read (issue 9, spec §5.6, §9 #1), by full text or by
/// vector: every entry is embedded before searching, and the queries are phrased so the nearest vectors include
/// the other agents' entries whenever the scope filter would let them through.
@Suite("Search scoping: private entries stay private", .timeLimit(.minutes(4)))
struct SearchScopingTests {
    /// Entry texts about one subject, so both retrievers find every one of them.
    static let topic = "The lighthouse keeper logged the lighthouse lamp at dusk."

    @Test("an agent's search never shows another agent's private entries; a reader sees them until revoked")
    func sharedReaderAndRevocation() async throws {
        try await TestServer.with { server in
            let owner = try await APIAgent.create(on: server)
            let reader = try await APIAgent.create(on: server)
            let ownerDiary = try await owner.createDiary("Owner private")
            let readerDiary = try await reader.createDiary("Reader private")
            let secret = try await owner.createEntry(in: ownerDiary.id, CreateEntryRequest(content: Self.topic))
            let own = try await reader.createEntry(in: readerDiary.id, CreateEntryRequest(content: Self.topic))
            try await SearchTestSupport.waitForEmbeddings(server)

            for query in ["lighthouse lamp", "a tower on the coast whose light guides ships at night"] {
                #expect(try await Self.search(query, as: reader) == [own.id])
                #expect(try await Self.search(query, as: owner) == [secret.id])
            }
            try expectProblem(
                try await reader.post(
                    "/diaries/search", SearchDiaryRequest(diaryId: ownerDiary.id, query: "lighthouse lamp")),
                404, "not-found")

            _ = try await owner.share(ownerDiary.id, with: reader, role: .reader)
            #expect(Set(try await Self.search("lighthouse lamp", as: reader)) == [own.id, secret.id])
            #expect(
                try await Self.search("lighthouse lamp", in: ownerDiary.id, as: reader) == [secret.id])

            _ = try await owner.delete("/diaries/\(ownerDiary.id)/share/\(reader.fingerprint)")
            #expect(try await Self.search("lighthouse lamp", as: reader) == [own.id])
            #expect(try await Self.search("ships guided by a coastal light", as: reader) == [own.id])
            try expectProblem(
                try await reader.post(
                    "/diaries/search", SearchDiaryRequest(diaryId: ownerDiary.id, query: "lighthouse lamp")),
                404, "not-found")
        }
    }

    @Test("public search returns entries of public diaries only, for anyone")
    func publicSearchOnlyPublic() async throws {
        try await TestServer.with { server in
            let author = try await APIAgent.create(on: server)
            var entries: [Visibility: EntryID] = [:]
            for visibility in [Visibility.private, .moltnet, .public] {
                let diary = try await author.createDiary("\(visibility)", visibility: visibility)
                entries[visibility] = try await author.createEntry(
                    in: diary.id, CreateEntryRequest(content: Self.topic)
                ).id
            }
            try await SearchTestSupport.waitForEmbeddings(server)
            for query in ["lighthouse lamp", "a tower on the coast whose light guides ships at night"] {
                let target =
                    "/public/feed/search?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                let found = try await server.anonymous("GET", target).decode(PublicSearchResponse.self)
                #expect(found.items.map(\.id) == [entries[.public]!])
                #expect(found.items.first?.author.fingerprint.description == author.fingerprint)
                let signedIn = try await author.get(target).decode(PublicSearchResponse.self)
                #expect(signedIn.items.map(\.id) == [entries[.public]!])
            }
            // The author's own search covers the diaries it owns, whatever their visibility.
            #expect(Set(try await Self.search("lighthouse lamp", as: author)) == Set(entries.values))
            // Another agent may open the moltnet diary by id, but a search without one stays on its relations.
            let stranger = try await APIAgent.create(on: server)
            #expect(try await Self.search("lighthouse lamp", as: stranger).isEmpty)
        }
    }

    /// The ids a search returns, across the caller's diaries or in one diary.
    static func search(_ query: String, in diary: DiaryID? = nil, as agent: APIAgent) async throws -> [EntryID] {
        try await agent.post("/diaries/search", SearchDiaryRequest(diaryId: diary, query: query, limit: 20))
            .decode(DiarySearchResult.self).results.map(\.id)
    }
}
