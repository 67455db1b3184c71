public import Foundation
public import MoltClient
public import MoltCore

/// The Workflows screen's state: the filters, the status counts, the pages read so far (keyset pages of
/// `dbos.workflow_status`), an open form, and the action in flight.
public struct WorkflowsState: Equatable, Sendable {
    public var query: WorkflowQuery
    public var counts: [DBOSWorkflowState: Int]
    public var list: ListState<WorkflowRecord>
    /// Where the next page starts; nil after the last page.
    public var next: WorkflowCursor?
    /// Counts the loads, so a page of an older query (filters changed meanwhile) is dropped.
    public var generation: Int
    public var form: FormState<WorkflowsForm>?
    /// The workflow an action (cancel, resume, fork) runs on.
    public var acting: String?

    public init(status: DBOSWorkflowState? = nil) {
        query = WorkflowQuery(status: status)
        counts = [:]
        list = ListState()
        next = nil
        generation = 0
        form = nil
        acting = nil
    }

    /// Rows asked for per page.
    public static let pageSize = 200
    /// Up to this many loaded rows, a refresh reloads them all; beyond it, only the counts.
    public static let refreshLimit = WorkflowListFilter.maximumLimit

    /// The status a `:workflows <name>` argument names (`error`, `pending`, …), if any.
    public static func status(named name: String) -> DBOSWorkflowState? {
        let upper = name.uppercased().replacingOccurrences(of: " ", with: "_")
        guard !upper.isEmpty else { return nil }
        return DBOSWorkflowState.known.first { $0.description == upper || $0.description.hasPrefix(upper) }
    }
}

/// The filters of the workflow list (all combined).
public struct WorkflowQuery: Equatable, Sendable {
    public var status: DBOSWorkflowState?
    public var name: String?
    public var queue: String?
    public var window: TimeWindow
    public var idPrefix: String?
    public var newestFirst: Bool

    public init(
        status: DBOSWorkflowState? = nil, name: String? = nil, queue: String? = nil, window: TimeWindow = .all,
        idPrefix: String? = nil, newestFirst: Bool = true
    ) {
        self.status = status
        self.name = name
        self.queue = queue
        self.window = window
        self.idPrefix = idPrefix
        self.newestFirst = newestFirst
    }

    /// The client's filter for a page of `limit` rows after `cursor`, at `now`.
    public func filter(limit: Int, after cursor: WorkflowCursor?, now: Date) -> WorkflowListFilter {
        WorkflowListFilter(
            statuses: status.map { [$0] }, name: name, queueName: queue, createdFrom: window.start(now: now),
            idPrefix: idPrefix, limit: limit, newestFirst: newestFirst, includePayloads: false, after: cursor)
    }

    /// `status ERROR · name x · queue q · last 24 hours · oldest first`, or `all workflows`.
    public var summary: String {
        var parts: [String] = []
        if let status { parts.append("status \(status)") }
        if let name { parts.append("name \(name)") }
        if let queue { parts.append("queue \(queue)") }
        if let idPrefix { parts.append("id \(idPrefix)…") }
        if window != .all { parts.append(window.label) }
        parts.append(newestFirst ? "newest first" : "oldest first")
        return parts.joined(separator: " · ")
    }
}

/// How far back the list looks.
public enum TimeWindow: String, Equatable, Sendable, CaseIterable {
    case all, hour, day, week, month

    /// The first moment shown, or nil for all time.
    public func start(now: Date) -> Date? {
        switch self {
        case .all: nil
        case .hour: now.addingTimeInterval(-3600)
        case .day: now.addingTimeInterval(-86_400)
        case .week: now.addingTimeInterval(-7 * 86_400)
        case .month: now.addingTimeInterval(-30 * 86_400)
        }
    }

    public var label: String {
        switch self {
        case .all: "all time"
        case .hour: "last hour"
        case .day: "last 24 hours"
        case .week: "last 7 days"
        case .month: "last 30 days"
        }
    }
}

/// What a Workflows form does.
public enum WorkflowsForm: Equatable, Sendable {
    case filters
    case fork(String)
}

/// A page of workflows with the counts read beside it.
public struct WorkflowsPage: Equatable, Sendable {
    public var page: WorkflowPage
    public var counts: [DBOSWorkflowState: Int]?
}

/// What happens on the Workflows screen.
public enum WorkflowsMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<WorkflowsPage, ConsoleFailure>, generation: Int, appending: Bool)
    case countsLoaded(Result<[DBOSWorkflowState: Int], ConsoleFailure>)
    case moreRequested
    case navigated(Navigation)
    case filterChanged(String)
    case statusCycled
    case orderToggled
    case filtersRequested
    case formKey(Key)
    case opened
    case cancelRequested
    case resumeRequested
    case forkRequested
    case actionConfirmed(WorkflowAction)
    case acted(Result<String, ConsoleFailure>)
    case idCopied
}

/// An operator action on a workflow.
public enum WorkflowAction: Equatable, Sendable {
    case cancel(String)
    case resume(String)
    case fork(String, step: Int)

    /// The workflow acted on.
    public var workflowID: String {
        switch self {
        case .cancel(let id), .resume(let id), .fork(let id, _): id
        }
    }

    /// Runs the action; returns what the flash line says.
    func run(_ service: any OperatorService) async throws -> String {
        switch self {
        case .cancel(let id):
            let state = try await service.cancelWorkflow(id)
            return state == .cancelled ? "Cancelled \(id)" : "\(id) had already finished (\(state))"
        case .resume(let id):
            return try await service.resumeWorkflow(id)
                ? "Resumed \(id): enqueued again" : "\(id) has finished: not resumed"
        case .fork(let id, let step):
            let copy = try await service.forkWorkflow(id, fromStep: step)
            return "Forked \(id) from step \(step) as \(copy)"
        }
    }

    /// The confirmation asked before it.
    var confirmation: ConfirmRequest<WorkflowAction> {
        switch self {
        case .cancel(let id):
            ConfirmRequest(
                title: "Cancel workflow?", body: "\(id) stops before its next step and is marked CANCELLED.",
                confirmLabel: "Cancel workflow", isDestructive: true, message: self)
        case .resume(let id):
            ConfirmRequest(
                title: "Resume workflow?",
                body: "\(id) is enqueued again; an executor replays its recorded steps and runs the rest.",
                confirmLabel: "Resume", isDestructive: false, message: self)
        case .fork(let id, let step):
            ConfirmRequest(
                title: "Fork workflow?",
                body: "A copy of \(id) starts at step \(step): steps before it are copied, the rest run again.",
                confirmLabel: "Fork", isDestructive: false, message: self)
        }
    }
}
