import Foundation
import MoltPostgres
import MoltWorkflows

/// The benchmark's database: the DBOS 3.4 schema with `count` workflows.
enum BenchDatabase {
    static let base: Int64 = 1_771_000_000_000

    /// `serverURL` with its database name replaced.
    static func url(_ serverURL: String, database: String) -> String {
        guard let scheme = serverURL.range(of: "://"),
            let slash = serverURL.range(of: "/", options: .backwards, range: scheme.upperBound..<serverURL.endIndex)
        else { return serverURL + "/" + database }
        let query = serverURL[slash.upperBound...].firstIndex(of: "?").map { String(serverURL[$0...]) } ?? ""
        return String(serverURL[..<slash.upperBound]) + database + query
    }

    /// Creates the schema and inserts the workflows in one INSERT … SELECT (90% SUCCESS, 9% ERROR, 1%
    /// PENDING; ten names; a fifth on three queues; one every 10 ms; ids `wf-<md5>`), with inputs and
    /// outputs, then ANALYZE. Returns the seconds it took.
    static func seed(_ pool: PostgresPool, count: Int) async throws -> Double {
        _ = try await DBOSSystemSchema.ensure(pool)
        let clock = ContinuousClock()
        let started = clock.now
        try await pool.query(
            """
            INSERT INTO dbos.workflow_status (workflow_uuid, status, name, queue_name, created_at, updated_at,
                executor_id, application_version, serialization, inputs, output)
            SELECT 'wf-' || md5(i::text),
                CASE WHEN i % 100 = 0 THEN 'PENDING' WHEN i % 10 = 0 THEN 'ERROR' ELSE 'SUCCESS' END,
                'workflow_' || (i % 10), CASE WHEN i % 5 = 0 THEN 'queue_' || (i % 3) END,
                \(base) + i * 10, \(base) + i * 10 + 5, 'bench', 'v1', 'portable_json',
                '{"positionalArgs":[' || i || '],"namedArgs":{}}', '"done ' || i || '"'
            FROM generate_series(1, \(count)) i
            """)
        try await pool.query("ANALYZE dbos.workflow_status")
        return (clock.now - started).seconds
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    var milliseconds: Double { seconds * 1000 }
}
