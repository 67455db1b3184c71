import Foundation
public import MoltCore
import MoltPostgres

extension DBOSWorkflowClient {
    /// How many workflows are in each status, under the same filters as ``list(_:)`` (its `statuses`, page
    /// size, order and cursor are ignored): what a console shows as status counts above a list.
    ///
    /// One `GROUP BY status` over `workflow_status`, bounded by ``statementTimeout`` like every call.
    /// - Throws: ``DBOSWorkflowError`` for a missing schema; `PostgresError` (SQLSTATE 57014 on a timeout).
    public func statusCounts(_ filter: WorkflowListFilter = WorkflowListFilter()) async throws
        -> [DBOSWorkflowState: Int]
    {
        try await session(readOnly: true) { connection, layout in
            var conditions: [SQL] = []
            if let name = filter.name { conditions.append("ws.name = \(name)") }
            if let queue = filter.queueName { conditions.append("ws.queue_name = \(queue)") }
            if let from = filter.createdFrom { conditions.append("ws.created_at >= \(from.epochMilliseconds)") }
            if let before = filter.createdBefore { conditions.append("ws.created_at < \(before.epochMilliseconds)") }
            if let prefix = filter.idPrefix { conditions.append(Self.prefixCondition(prefix, layout: layout)) }
            if let application = filter.applicationName, layout.has("workflow_status", "application_name") {
                conditions.append("(ws.application_name = \(application) OR ws.application_name IS NULL)")
            }
            if let executor = filter.executorID { conditions.append("ws.executor_id = \(executor)") }
            var statement: SQL = "SELECT ws.status AS status, count(*) AS count FROM dbos.workflow_status ws"
            if !conditions.isEmpty { statement.append(" WHERE \(SQL.joined(conditions, separator: " AND "))") }
            statement.append(" GROUP BY ws.status")
            var counts: [DBOSWorkflowState: Int] = [:]
            for row in try await connection.query(statement).rows {
                guard let status = row["status"], let count = row["count"].flatMap({ Int($0) }) else { continue }
                counts[DBOSWorkflowState(status), default: 0] += count
            }
            return counts
        }
    }
}
