import Foundation
import MoltCore
import MoltPostgres

/// Liveness and readiness: `GET /health` answers while the process runs; `GET /ready` also checks Postgres.
struct HealthController: Sendable {
    let database: PostgresPool
    let clock: @Sendable () -> Date

    func register(in router: inout Router) {
        router.add(.get, "/health") { _, _ in try health() }
        router.add(.get, "/ready") { _, context in await readiness(context) }
    }

    /// - Remark: GET /health (getHealth)
    func health() throws -> HTTPResponse {
        try .json(
            HealthStatus(status: "ok", timestamp: ISO8601Timestamp.string(from: clock())),
            encoder: ServerJSON.encoder)
    }

    /// 200 with `{"status":"ready"}` when a query succeeds within two seconds, else 503 naming the failure.
    func readiness(_ context: RequestContext) async -> HTTPResponse {
        let outcome = await withTaskGroup(of: String?.self) { group in
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
        let status = ReadinessStatus(
            status: outcome == nil ? "ready" : "unavailable", database: outcome == nil ? "ok" : outcome!,
            timestamp: ISO8601Timestamp.string(from: clock()))
        if outcome != nil {
            context.logger.warning("Readiness check failed.", ["check.database": status.database])
        }
        return (try? .json(status, status: outcome == nil ? 200 : 503, encoder: ServerJSON.encoder))
            ?? .empty(status: 503)
    }
}

struct HealthStatus: Codable {
    let status: String
    let timestamp: String
}

struct ReadinessStatus: Codable {
    let status: String
    let database: String
    let timestamp: String
}
