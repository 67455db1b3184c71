import MoltCore
import MoltPostgres

extension DBOSWorkflowClient {
    /// One page of workflows matching `filter`, ordered by creation time then id.
    /// - Throws: ``DBOSWorkflowError`` for a page size outside 1…1000 or a missing schema; `PostgresError`.
    public func list(_ filter: WorkflowListFilter = WorkflowListFilter()) async throws -> WorkflowPage {
        guard (1...WorkflowListFilter.maximumLimit).contains(filter.limit) else {
            throw DBOSWorkflowError(.invalidArgument, message: "the page size must be 1 to 1000, not \(filter.limit)")
        }
        return try await session(readOnly: true) { connection, layout in
            let rows = try await connection.query(Self.listStatement(filter, layout: layout)).rows
            let records = try rows.prefix(filter.limit).map(WorkflowRecord.init(row:))
            let next = rows.count > filter.limit ? records.last.map(WorkflowCursor.init(after:)) : nil
            return WorkflowPage(workflows: records, next: next)
        }
    }

    /// One workflow with its inputs, output and error decoded; nil when there is none.
    public func workflow(_ workflowID: String) async throws -> WorkflowRecord? {
        try await session(readOnly: true) { connection, layout in
            let statement = Self.selectStatement(layout: layout, payloads: true)
                .appending("WHERE ws.workflow_uuid = \(workflowID)")
            return try await connection.query(statement).first.map(WorkflowRecord.init(row:))
        }
    }

    /// The plan PostgreSQL chooses for ``list(_:)`` with `filter` (`EXPLAIN` text), to check that a list
    /// uses an index on a large table.
    public func queryPlan(for filter: WorkflowListFilter) async throws -> String {
        try await session(readOnly: true) { connection, layout in
            let explain = SQL("EXPLAIN ").appending(Self.listStatement(filter, layout: layout))
            return try await connection.query(explain).rows.compactMap { $0["QUERY PLAN"] }.joined(separator: "\n")
        }
    }

    static func listStatement(_ filter: WorkflowListFilter, layout: DBOSSchemaLayout) -> SQL {
        var conditions: [SQL] = []
        if let statuses = filter.statuses {
            conditions.append("ws.status = ANY(\(statuses.map(\.description)))")
        }
        if let name = filter.name { conditions.append("ws.name = \(name)") }
        if let queue = filter.queueName { conditions.append("ws.queue_name = \(queue)") }
        if let from = filter.createdFrom { conditions.append("ws.created_at >= \(from.epochMilliseconds)") }
        if let before = filter.createdBefore { conditions.append("ws.created_at < \(before.epochMilliseconds)") }
        if let prefix = filter.idPrefix { conditions.append(Self.prefixCondition(prefix, layout: layout)) }
        if let application = filter.applicationName, layout.has("workflow_status", "application_name") {
            conditions.append("(ws.application_name = \(application) OR ws.application_name IS NULL)")
        }
        if let executor = filter.executorID { conditions.append("ws.executor_id = \(executor)") }
        if let cursor = filter.after {
            let time = cursor.createdAtMilliseconds
            conditions.append(
                filter.newestFirst
                    ? "ws.created_at <= \(time) AND (ws.created_at, ws.workflow_uuid) < (\(time), \(cursor.workflowID))"
                    : "ws.created_at >= \(time) AND (ws.created_at, ws.workflow_uuid) > (\(time), \(cursor.workflowID))"
            )
        }
        var statement = selectStatement(layout: layout, payloads: filter.includePayloads)
        if !conditions.isEmpty {
            statement.append("WHERE \(SQL.joined(conditions, separator: " AND "))")
        }
        statement.append(
            filter.newestFirst
                ? " ORDER BY ws.created_at DESC, ws.workflow_uuid DESC"
                : " ORDER BY ws.created_at ASC, ws.workflow_uuid ASC")
        statement.append(" LIMIT \(filter.limit + 1)")
        return statement
    }

    /// `SELECT <present columns> FROM dbos.workflow_status ws <joins> ` (a WHERE clause follows).
    static func selectStatement(layout: DBOSSchemaLayout, payloads: Bool) -> SQL {
        var columns = statusColumns.filter { layout.has("workflow_status", $0.name) }.map(\.sql)
        var joins = SQL()
        if payloads {
            let hasInput = layout.has("workflow_input", "inputs")
            let hasOutput = layout.has("workflow_output", "output")
            if hasInput { joins.append(" LEFT JOIN dbos.workflow_input wi ON wi.workflow_uuid = ws.workflow_uuid") }
            if hasOutput { joins.append(" LEFT JOIN dbos.workflow_output wo ON wo.workflow_uuid = ws.workflow_uuid") }
            for payload in payloadColumns {
                var sources: [SQL] = []
                if payload.side == "input" ? hasInput : hasOutput { sources.append(payload.joined) }
                if layout.has("workflow_status", payload.name) { sources.append(payload.status) }
                guard !sources.isEmpty else { continue }
                columns.append("COALESCE(\(SQL.joined(sources, separator: ", "))) AS \(payload.alias)")
            }
        }
        return "SELECT \(SQL.joined(columns, separator: ", ")) FROM dbos.workflow_status ws\(joins) "
    }

    /// Ids starting with `prefix`: a LIKE, plus the equivalent key range of the primary key when ids sort by
    /// code point, so the index finds them (LIKE alone uses it only under collation C).
    static func prefixCondition(_ prefix: String, layout: DBOSSchemaLayout) -> SQL {
        let like: SQL = "ws.workflow_uuid LIKE \(likePrefix(prefix))"
        guard layout.codePointIDOrder, !prefix.isEmpty else { return like }
        guard let end = successor(of: prefix) else { return "ws.workflow_uuid >= \(prefix) AND \(like)" }
        return "ws.workflow_uuid >= \(prefix) AND ws.workflow_uuid < \(end) AND \(like)"
    }

    /// The smallest text greater than every text starting with `prefix` in code point order; nil when there
    /// is none (the prefix is all U+10FFFF).
    static func successor(of prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if (0xD800...0xDFFF).contains(next) { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                return String(String.UnicodeScalarView(scalars))
            }
        }
        return nil
    }

    /// A LIKE pattern matching values that start with `prefix` literally.
    static func likePrefix(_ prefix: String) -> String {
        var pattern = ""
        for character in prefix {
            if character == "\\" || character == "%" || character == "_" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }

    /// The columns of `workflow_status` the list shows, when present.
    static let statusColumns: [OptionalColumn] = [
        OptionalColumn("workflow_uuid", "ws.workflow_uuid"), OptionalColumn("status", "ws.status"),
        OptionalColumn("name", "ws.name"), OptionalColumn("class_name", "ws.class_name"),
        OptionalColumn("config_name", "ws.config_name"), OptionalColumn("authenticated_user", "ws.authenticated_user"),
        OptionalColumn("assumed_role", "ws.assumed_role"),
        OptionalColumn("authenticated_roles", "ws.authenticated_roles"), OptionalColumn("queue_name", "ws.queue_name"),
        OptionalColumn("executor_id", "ws.executor_id"), OptionalColumn("created_at", "ws.created_at"),
        OptionalColumn("updated_at", "ws.updated_at"),
        OptionalColumn("application_version", "ws.application_version"),
        OptionalColumn("application_id", "ws.application_id"),
        OptionalColumn("application_name", "ws.application_name"),
        OptionalColumn("recovery_attempts", "ws.recovery_attempts"), OptionalColumn("priority", "ws.priority"),
        OptionalColumn("deduplication_id", "ws.deduplication_id"),
        OptionalColumn("queue_partition_key", "ws.queue_partition_key"),
        OptionalColumn("workflow_timeout_ms", "ws.workflow_timeout_ms"),
        OptionalColumn("workflow_deadline_epoch_ms", "ws.workflow_deadline_epoch_ms"),
        OptionalColumn("forked_from", "ws.forked_from"), OptionalColumn("was_forked_from", "ws.was_forked_from"),
        OptionalColumn("parent_workflow_id", "ws.parent_workflow_id"),
        OptionalColumn("schedule_name", "ws.schedule_name"),
        OptionalColumn("attributes", "ws.attributes::text AS attributes"),
        OptionalColumn("started_at_epoch_ms", "ws.started_at_epoch_ms"),
        OptionalColumn("delay_until_epoch_ms", "ws.delay_until_epoch_ms"),
        OptionalColumn("completed_at", "ws.completed_at"), OptionalColumn("serialization", "ws.serialization"),
    ]

    /// A payload read from `workflow_input`/`workflow_output` (DBOS ≥ 3.4) before `workflow_status`.
    struct PayloadColumn: Sendable {
        let name: String
        let side: String
        let joined: SQL
        let status: SQL
        let alias: SQL
    }

    static let payloadColumns = [
        PayloadColumn(name: "inputs", side: "input", joined: "wi.inputs", status: "ws.inputs", alias: "inputs"),
        PayloadColumn(name: "output", side: "output", joined: "wo.output", status: "ws.output", alias: "output"),
        PayloadColumn(name: "error", side: "output", joined: "wo.error", status: "ws.error", alias: "error"),
    ]
}

extension WorkflowCursor {
    /// The cursor just after `record`.
    init(after record: WorkflowRecord) {
        self.init(createdAtMilliseconds: record.createdAt.epochMilliseconds, workflowID: record.workflowID)
    }
}
