import MoltCore

/// The anonymous public feed (spec §1.6): `GET /public/feed` (keyset pages, newest first),
/// `GET /public/entry/{id}`, `GET /public/feed/search` and the live stream `GET /public/feed/stream`. Only
/// entries of public diaries whose owner has a key appear.
struct PublicFeedController: Sendable {
    let service: PublicFeedService
    let stream: PublicFeedStreamer
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.getPublicFeed, options: RouteOptions(caching: .publicFor(seconds: 300))) { call in
            try await service.feed(call.query)
        }
        router.add(Endpoints.getPublicEntry, options: RouteOptions(caching: .publicFor(seconds: 3600))) { call in
            try await service.entry(call.path.uuid("id"))
        }
        let searchOptions = RouteOptions(
            rateLimitBucket: limits.bucket(.publicSearch), caching: .publicFor(seconds: 60))
        router.add(Endpoints.searchPublicFeed, options: searchOptions) { call in
            try await service.search(call.query)
        }
        router.add(.get, "/public/feed/stream", options: RouteOptions(operationID: "streamPublicFeed")) {
            request, context in
            try await stream.open(request, context: context)
        }
    }
}
