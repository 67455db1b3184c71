import MoltCore

/// Search and reflect routes: `POST /diaries/search`, `GET /diaries/reflect`, `GET /public/feed/search`.
struct SearchController: Sendable {
    let search: SearchService
    let reflect: ReflectService
    let limits: RateLimits

    func register(in router: inout Router) {
        router.add(Endpoints.searchDiary, options: RouteOptions(rateLimitBucket: limits.bucket(.embedding))) { call in
            try await search.search(call.body, by: call.caller())
        }
        router.add(Endpoints.reflectDiary) { call in
            try await reflect.reflect(call.query, by: call.caller())
        }
        let publicOptions = RouteOptions(
            rateLimitBucket: limits.bucket(.publicSearch), caching: .publicFor(seconds: 60))
        router.add(Endpoints.searchPublicFeed, options: publicOptions) { call in
            try await search.searchPublic(call.query)
        }
    }
}
