import MoltCore

/// The problem type registry (spec §0.2): `GET /problems` and `GET /problems/{type}`.
struct ProblemsController: Sendable {
    func register(in router: inout Router) {
        router.add(Endpoints.listProblemTypes, options: RouteOptions(rateLimitExempt: true)) { _ in
            ProblemType.all.map(\.info)
        }
        router.add(Endpoints.getProblemType) { call in
            // The endpoint's parameter format already rejects unknown slugs with 400, as the reference does.
            guard let slug = call.path["type"], let type = ProblemType.named(slug) else {
                throw ProblemDetails(.notFound, detail: "Problem type not found")
            }
            return type.info
        }
    }
}
