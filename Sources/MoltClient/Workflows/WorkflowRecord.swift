public import Foundation
public import MoltCore

/// One workflow's row of `dbos.workflow_status`, the fields `dbos workflow get` shows, with its inputs,
/// output and error decoded by ``DBOSPayload``.
///
/// Every field but the id, status, name and times is optional: it is nil when the column is NULL or when
/// the schema (an older DBOS) has no such column.
public struct WorkflowRecord: Sendable, Equatable, Identifiable {
    public var id: String { workflowID }

    public var workflowID: String
    public var status: DBOSWorkflowState
    /// The workflow function's name.
    public var name: String
    public var className: String?
    public var configName: String?
    public var authenticatedUser: String?
    public var assumedRole: String?
    /// A JSON array in text, as stored.
    public var authenticatedRoles: String?
    public var queueName: String?
    public var executorID: String?
    public var applicationVersion: String?
    public var applicationID: String?
    public var applicationName: String?
    public var recoveryAttempts: Int?
    public var priority: Int?
    public var deduplicationID: String?
    public var queuePartitionKey: String?
    public var timeoutMilliseconds: Int64?
    public var deadline: Date?
    public var forkedFrom: String?
    public var wasForkedFrom: Bool?
    public var parentWorkflowID: String?
    public var scheduleName: String?
    /// The `attributes` JSONB column, as JSON text.
    public var attributes: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// When it was dequeued or started (`started_at_epoch_ms`, the CLI's `dequeued_at`).
    public var startedAt: Date?
    public var delayUntil: Date?
    public var completedAt: Date?
    /// The payloads' `serialization` (`portable_json`, `py_pickle`, `js_superjson`), nil on old rows.
    public var serialization: String?
    /// Inputs as stored: `{"positionalArgs":[…],"namedArgs":{…}}` for portable_json (see
    /// ``DBOSWorkflowInputs``), `{args, kwargs}` in a pickle, the argument array in superjson.
    public var inputs: DBOSPayload?
    public var output: DBOSPayload?
    /// The error: `{"name","message",…}` for portable_json (see ``DBOSErrorPayload``).
    public var error: DBOSPayload?

    /// The time from start (or creation) to completion, when the workflow completed.
    public var duration: Duration? {
        guard let completedAt else { return nil }
        return .milliseconds(Int64((completedAt.timeIntervalSince(startedAt ?? createdAt) * 1000).rounded()))
    }
}

/// One row of `dbos.operation_outputs`: a step or durable operation of a workflow, decoded.
public struct WorkflowStep: Sendable, Equatable {
    /// The 1-based position in the workflow's sequence of operations (gaps after a fork are possible).
    public var functionID: Int
    /// The step's name, or DBOS's internal name (`DBOS.sleep`, `DBOS.recv`, `DBOS.send`, `DBOS.setEvent`…),
    /// or a child workflow's name.
    public var functionName: String
    public var output: DBOSPayload?
    public var error: DBOSPayload?
    public var childWorkflowID: String?
    public var startedAt: Date?
    /// When it completed; for `DBOS.sleep` rows, the projected wake-up time.
    public var completedAt: Date?
    public var serialization: String?

    /// How long it ran (for a sleep: how long it sleeps), when both times are recorded.
    public var duration: Duration? {
        guard let startedAt, let completedAt else { return nil }
        return .milliseconds(Int64((completedAt.timeIntervalSince(startedAt) * 1000).rounded()))
    }
}

/// A workflow's events: the latest value per key (`workflow_events`) and every value set, in order
/// (`workflow_events_history`, absent on schemas before it existed).
public struct WorkflowEvents: Sendable, Equatable {
    /// One value of an event.
    public struct Event: Sendable, Equatable {
        public var key: String
        public var value: DBOSPayload?
        /// The operation that set it (history only).
        public var functionID: Int?
    }

    /// The current value of each key, by key.
    public var latest: [Event]
    /// Every value set, by operation then key.
    public var history: [Event]
    /// Whether the schema has `workflow_events_history`.
    public var historyAvailable: Bool
}

/// A message sent to a workflow (`dbos.notifications`).
public struct WorkflowNotification: Sendable, Equatable {
    public var messageID: String
    /// The topic; nil for the default topic (stored as `__null__topic__`).
    public var topic: String?
    public var message: DBOSPayload?
    public var createdAt: Date?
    /// Whether it was received; nil on schemas without `consumed` (which delete received messages).
    public var consumed: Bool?
    /// The `recv` operation that received it.
    public var consumedByFunctionID: Int?
}
