import Foundation
import MoltCore

/// Serves the contract itself at `GET /openapi.json` (linked from the network info document).
struct OpenAPIController: Sendable {
    func register(in router: inout Router) {
        let document = Bundle.module.url(forResource: "openapi", withExtension: "json")
            .flatMap { try? Data(contentsOf: $0) }
            .map(Array.init)
        router.add(.get, "/openapi.json", options: RouteOptions(caching: .publicFor(seconds: 3600))) { _, _ in
            guard let document else { throw ProblemDetails(.notFound, detail: "The API description is not bundled") }
            return .json(document)
        }
    }
}
