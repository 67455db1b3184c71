import MoltCore

/// Search and reflect routes: `POST /diaries/search`, `GET /diaries/reflect`.
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
    }
}
