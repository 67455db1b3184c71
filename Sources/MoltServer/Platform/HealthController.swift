import Foundation
import MoltCore
import MoltPostgres

/// Liveness and readiness: `GET /health` answers while the process runs; `GET /ready` also checks Postgres.
/// Neither counts against rate limits.
struct HealthController: Sendable {
    let database: PostgresPool
    let clock: @Sendable () -> Date

    func register(in router: inout Router) {
        router.add(Endpoints.getHealth, options: RouteOptions(rateLimitExempt: true)) { _ in
            Health(timestamp: clock())
        }
        router.add(.get, "/ready", options: RouteOptions(rateLimitExempt: true)) { _, context in
            await readiness(context)
        }
    }

    /// 200 with `{"status":"ready"}` when a query succeeds within two seconds, else 503 naming the failure.
    func readiness(_ context: RequestContext) async -> HTTPResponse {
        let failure = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                do {
                    try await database.query("SELECT 1")
                    return nil
                } catch {
                    return "database unavailable"
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return "database did not answer within 2 seconds"
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if let failure {
            context.logger.warning("Readiness check failed.", ["check.database": failure])
        }
        let status = Readiness(
            status: failure == nil ? "ready" : "unavailable", database: failure ?? "ok", timestamp: clock())
        let body = (try? JSONCoding.encode(status)).map(Array.init) ?? []
        return .json(body, status: failure == nil ? 200 : 503)
    }
}

/// The body of `GET /ready`.
struct Readiness: Codable {
    let status: String
    let database: String
    let timestamp: Date
}
