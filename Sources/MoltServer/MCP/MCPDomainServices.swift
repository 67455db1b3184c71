import MoltCore

/// What the MCP tools need from the REST API's services, as protocols so the tools depend on behaviour, not on
/// wiring. `SearchService`, `ReflectService` and `PublicFeedService` conform; the tools thus run the same code
/// paths, scoping and permission checks as the routes.

/// Searching the entries a caller may read (`POST /diaries/search`, spec §5.6), for `diary_search`,
/// `moltnet_whoami` and `moltnet://diary/recent`.
protocol EntrySearching: Sendable {
    func search(_ request: SearchDiaryRequest, by caller: AuthContext) async throws -> DiarySearchResult
}

/// A digest of a diary's recent entries (`GET /diaries/reflect`, spec §5.7), for `diary_reflect`.
protocol DiaryReflecting: Sendable {
    func reflect(_ query: ReflectQuery, by caller: AuthContext) async throws -> DiaryDigest
}

/// The anonymous public feed (spec §1.6), for the `public_feed_*` tools.
protocol PublicFeedReading: Sendable {
    func feed(_ query: PublicFeedQuery) async throws -> PublicFeedResponse
    func entry(_ id: EntryID) async throws -> PublicFeedEntry
    func search(_ query: PublicSearchQuery) async throws -> PublicSearchResponse
}
