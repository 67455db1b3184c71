public import Foundation
public import MoltCore

/// What to list from `dbos.workflow_status`, and which page.
///
/// Every filter is optional and they combine with AND. Pages are keyset pages ordered by `created_at` then
/// workflow id (newest first unless `newestFirst` is false): pass the previous page's ``WorkflowPage/next``
/// as `after`. No OFFSET is ever used, so deep pages cost the same as the first one.
public struct WorkflowListFilter: Sendable, Equatable {
    /// Only workflows in one of these states.
    public var statuses: [DBOSWorkflowState]?
    /// Only workflows of this function name.
    public var name: String?
    /// Only workflows on this queue.
    public var queueName: String?
    /// Only workflows created at or after this moment.
    public var createdFrom: Date?
    /// Only workflows created before this moment.
    public var createdBefore: Date?
    /// Only workflows whose id starts with this text (taken literally: `%` and `_` are not wildcards).
    public var idPrefix: String?
    /// Only workflows of this application, plus unclaimed ones (NULL `application_name`), as the DBOS CLI's
    /// `-a` does.
    public var applicationName: String?
    /// Only workflows owned by this executor.
    public var executorID: String?
    /// Page size, 1 to 1000.
    public var limit: Int
    /// Newest first (the default) or oldest first.
    public var newestFirst: Bool
    /// Whether to read inputs, output and error (skip them for a lighter list).
    public var includePayloads: Bool
    /// The page after this cursor.
    public var after: WorkflowCursor?

    /// Largest page accepted.
    public static let maximumLimit = 1000

    public init(
        statuses: [DBOSWorkflowState]? = nil, name: String? = nil, queueName: String? = nil,
        createdFrom: Date? = nil, createdBefore: Date? = nil, idPrefix: String? = nil,
        applicationName: String? = nil, executorID: String? = nil, limit: Int = 50, newestFirst: Bool = true,
        includePayloads: Bool = true, after: WorkflowCursor? = nil
    ) {
        self.statuses = statuses
        self.name = name
        self.queueName = queueName
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.idPrefix = idPrefix
        self.applicationName = applicationName
        self.executorID = executorID
        self.limit = limit
        self.newestFirst = newestFirst
        self.includePayloads = includePayloads
        self.after = after
    }
}

/// A position in a workflow list: the last row's `created_at` (epoch milliseconds) and id.
///
/// Its text form (`description`, `init?(_:)`) is opaque to users and safe to hand around (`1771841472345:wf-1`).
public struct WorkflowCursor: Sendable, Hashable, LosslessStringConvertible {
    public var createdAtMilliseconds: Int64
    public var workflowID: String

    public init(createdAtMilliseconds: Int64, workflowID: String) {
        self.createdAtMilliseconds = createdAtMilliseconds
        self.workflowID = workflowID
    }

    public init?(_ description: String) {
        guard let colon = description.firstIndex(of: ":"),
            let milliseconds = Int64(description[..<colon])
        else { return nil }
        self.init(
            createdAtMilliseconds: milliseconds, workflowID: String(description[description.index(after: colon)...]))
    }

    public var description: String { "\(createdAtMilliseconds):\(workflowID)" }
}

/// One page of a workflow list.
public struct WorkflowPage: Sendable, Equatable {
    public var workflows: [WorkflowRecord]
    /// The cursor of the next page; nil on the last page.
    public var next: WorkflowCursor?
}
