import Foundation
import MoltCore

/// `POST /diaries/search` and `GET /public/feed/search` (spec §5.6), with the reference's defects fixed: without
/// a `diaryId` a search covers only the diaries the caller can read through a relation (spec §9 #1), and
/// results carry their real `injectionRisk` (§9 #2) and a `score`.
///
/// | input | behaviour |
/// |---|---|
/// | query + diaryId | hybrid search in that diary (404 unless readable) |
/// | query, no diaryId | hybrid search across the caller's readable diaries |
/// | no query, diaryId | the diary's entries, newest first, offset honoured |
/// | no query, no diaryId | the readable diaries' entries, newest first, offset honoured |
struct SearchService: Sendable {
    let search: SearchRepository
    let entries: EntryRepository
    let diaries: DiaryService
    let access: DiaryAccess
    let embeddings: Embeddings

    func search(_ request: SearchDiaryRequest, by caller: AuthContext) async throws -> DiarySearchResult {
        // The query's vector is computed while the caller's diaries are looked up.
        let text = request.query.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        async let queryVector = Self.vector(of: text, embeddings)
        let scope: [DiaryID]
        if let diaryID = request.diaryId {
            scope = [try await diaries.readable(diaryID, by: caller).id]
        } else {
            scope = try await access.readableDiaryIDs(for: caller)
        }
        var query = SearchRepository.Query(
            text: request.query, scope: .diaries(scope), tags: request.tags, entryTypes: request.entryTypes,
            excludeSuperseded: request.excludeSuperseded ?? false, limit: request.limit ?? SearchLimits.defaultLimit,
            relevanceWeight: request.wRelevance ?? 1, recencyWeight: request.wRecency ?? 0,
            importanceWeight: request.wImportance ?? 0)
        guard !scope.isEmpty else { return DiarySearchResult(results: [], total: 0) }
        guard text != nil else {
            let listed = try await search.list(query, offset: request.offset ?? 0)
            return DiarySearchResult(results: listed, total: listed.count)
        }
        let vector = await queryVector
        query.embedding = vector?.vector
        query.embeddingModel = vector?.model
        let hits = try await search.search(query)
        try await entries.recordAccess(hits.map(\.entry.id))
        return DiarySearchResult(results: hits.map(\.entry), total: hits.count)
    }

    private static func vector(of text: String?, _ embeddings: Embeddings) async -> (
        vector: [Float], model: String
    )? {
        guard let text else { return nil }
        return await embeddings.embedWithModel(query: text)
    }

    /// Hybrid search over public diaries, for anyone (`GET /public/feed/search`).
    func searchPublic(_ request: PublicSearchQuery) async throws -> PublicSearchResponse {
        var query = SearchRepository.Query(
            text: request.q, scope: .publicDiaries, tags: request.tag.map { [$0] },
            limit: request.limit ?? PublicFeedLimits.defaultSearchLimit)
        let vector = await embeddings.embedWithModel(query: request.q)
        query.embedding = vector?.vector
        query.embeddingModel = vector?.model
        let hits = try await search.search(query)
        let items = hits.compactMap { hit -> PublicFeedEntry? in
            guard let author = hit.author else { return nil }
            return PublicFeedEntry(
                id: hit.entry.id, title: hit.entry.title, content: hit.entry.content, tags: hit.entry.tags,
                injectionRisk: hit.entry.injectionRisk, createdAt: hit.entry.createdAt, author: author)
        }
        return PublicSearchResponse(items: items, query: request.q)
    }
}
