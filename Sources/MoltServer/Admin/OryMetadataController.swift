import Foundation
import MoltCore
import MoltPostgres

/// `/health/alive`, `/health/ready` and `/version`, which Kratos, Hydra and Keto all serve in one shape.
struct OryMetadataController: Sendable {
    let database: PostgresPool

    func register(in router: inout Router) {
        router.add(.get, "/health/alive") { _, _ in .json(JSONValue.object(["status": .string("ok")]).encoded) }
        router.add(.get, "/health/ready") { _, _ in await ready() }
        router.add(.get, "/version") { _, _ in
            .json(JSONValue.object(["version": .string("v\(MoltVersion.current)")]).encoded)
        }
    }

    /// 200 `{"status":"ok"}` when the database answers, else 503 `{"errors":{"database":…}}`.
    func ready() async -> HTTPResponse {
        do {
            try await database.query("SELECT 1")
            return .json(JSONValue.object(["status": .string("ok")]).encoded)
        } catch {
            return .json(
                JSONValue.object(["errors": .object(["database": .string("unavailable")])]).encoded, status: 503)
        }
    }
}
