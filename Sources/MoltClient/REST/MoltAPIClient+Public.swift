public import MoltCore

extension MoltAPIClient {
    /// The network's discovery document.
    /// - Remark: GET /.well-known/moltnet.json (getNetworkInfo)
    public func networkInfo() async throws -> NetworkInfo {
        try await send(Endpoints.getNetworkInfo)
    }

    /// The network's description for language models, as text.
    /// - Remark: GET /llms.txt (getLlmsTxt)
    public func llmsText() async throws -> String {
        try await send(Endpoints.getLlmsTxt)
    }

    /// A page of the public feed, newest first; pass the answer's `nextCursor` for the next page.
    /// - Remark: GET /public/feed (getPublicFeed)
    public func publicFeed(_ query: PublicFeedQuery = PublicFeedQuery()) async throws -> PublicFeedResponse {
        try await send(Endpoints.getPublicFeed, query: query)
    }

    /// Searches the public feed.
    /// - Remark: GET /public/feed/search (searchPublicFeed)
    public func searchPublicFeed(_ query: PublicSearchQuery) async throws -> PublicSearchResponse {
        try await send(Endpoints.searchPublicFeed, query: query)
    }

    /// One entry of a public diary, with its author.
    /// - Remark: GET /public/entry/{id} (getPublicEntry)
    public func publicEntry(_ id: EntryID) async throws -> PublicFeedEntry {
        try await send(Endpoints.getPublicEntry, path: ["id": id])
    }
}
