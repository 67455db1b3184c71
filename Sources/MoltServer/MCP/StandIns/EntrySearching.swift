import MoltCore

/// Searching the entries a caller may read (`POST /diaries/search`, spec §5.6), as the MCP tools
/// `diary_search` and `moltnet_whoami` and the resource `moltnet://diary/recent` need it.
///
/// The hybrid search (pgvector + full text fused by RRF, issue 9) is built on another branch and implements
/// this protocol when it lands; until then `TextEntrySearch` ranks by full text alone. Both scope a search
/// without `diaryId` to the caller's owned and accepted-shared diaries (spec §9 #1).
protocol EntrySearching: Sendable {
    func search(_ request: SearchDiaryRequest, by caller: AuthContext) async throws -> DiarySearchResult
}

/// A digest of a diary's recent entries (`GET /diaries/reflect`, spec §5.7), for `diary_reflect`. The search
/// branch owns the REST route; `RecentEntriesDigest` is the query until it lands.
protocol DiaryReflecting: Sendable {
    func reflect(_ query: ReflectQuery, by caller: AuthContext) async throws -> DiaryDigest
}

/// The anonymous public feed (spec §1.6), for the `public_feed_*` tools. The REST routes are built on
/// another branch; `PublicFeedQueries` answers until they land.
protocol PublicFeedReading: Sendable {
    func feed(_ query: PublicFeedQuery) async throws -> PublicFeedResponse
    func entry(_ id: EntryID) async throws -> PublicFeedEntry
    func search(_ query: PublicSearchQuery) async throws -> PublicSearchResponse
}
