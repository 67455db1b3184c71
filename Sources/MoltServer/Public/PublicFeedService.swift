import MoltCore

/// The anonymous public feed as both the REST routes and the MCP tools use it: keyset pages, single entries
/// and hybrid search over public diaries.
struct PublicFeedService: Sendable {
    let feed: PublicFeedRepository
    let search: SearchService

    static let invalidCursor = ProblemDetails(.validationFailed, detail: "Invalid cursor")

    /// - Remark: GET /public/feed (getPublicFeed)
    func feed(_ query: PublicFeedQuery) async throws -> PublicFeedResponse {
        var before: PublicFeedPosition?
        if let cursor = query.cursor {
            guard let position = PublicFeedPosition(cursor: cursor) else { throw Self.invalidCursor }
            before = position
        }
        let limit = query.limit ?? PublicFeedLimits.defaultFeedLimit
        // One more than asked says whether another page exists.
        let items = try await feed.page(
            before: before, tag: query.tag.flatMap { $0.isEmpty ? nil : $0 }, limit: limit + 1)
        let page = items.prefix(limit)
        return PublicFeedResponse(
            items: page.map(\.entry), nextCursor: items.count > limit ? page.last?.position.cursor : nil)
    }

    /// - Remark: GET /public/entry/{id} (getPublicEntry)
    func entry(_ id: EntryID) async throws -> PublicFeedEntry {
        guard let entry = try await feed.entry(id) else { throw ProblemDetails(.notFound, detail: "Entry not found") }
        return entry
    }

    /// - Remark: GET /public/feed/search (searchPublicFeed)
    func search(_ query: PublicSearchQuery) async throws -> PublicSearchResponse {
        try await search.searchPublic(query)
    }
}

extension PublicFeedService: PublicFeedReading {}
extension SearchService: EntrySearching {}
extension ReflectService: DiaryReflecting {}
