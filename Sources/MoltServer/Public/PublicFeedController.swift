import MoltCore

/// The anonymous public feed (spec §1.6): `GET /public/feed` (keyset pages, newest first),
/// `GET /public/entry/{id}` and the live stream `GET /public/feed/stream`. Only entries of public diaries
/// whose owner has a key appear. `GET /public/feed/search` belongs to the search service.
struct PublicFeedController: Sendable {
    let feed: PublicFeedRepository
    let stream: PublicFeedStreamer

    static let invalidCursor = ProblemDetails(.validationFailed, detail: "Invalid cursor")

    func register(in router: inout Router) {
        router.add(Endpoints.getPublicFeed, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            try await page(call.query)
        }
        router.add(Endpoints.getPublicEntry, options: RouteOptions(caching: .publicFor(seconds: 3600))) { call in
            guard let entry = try await feed.entry(call.path.uuid("id")) else {
                throw ProblemDetails(.notFound, detail: "Entry not found")
            }
            return entry
        }
        router.add(.get, "/public/feed/stream", options: RouteOptions(operationID: "streamPublicFeed")) {
            request, context in
            try await stream.open(request, context: context)
        }
    }

    /// - Remark: GET /public/feed (getPublicFeed)
    func page(_ query: PublicFeedQuery) async throws -> PublicFeedResponse {
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
}
