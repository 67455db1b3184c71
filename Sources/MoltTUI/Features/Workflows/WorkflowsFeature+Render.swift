import Foundation
import MoltClient
import MoltCore

extension WorkflowsFeature {
    public func render(_ state: WorkflowsState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext) {
        let theme = context.theme
        let layout = WorkflowsLayout(rect)
        Self.renderCounts(state, in: layout.counts, on: &screen, theme: theme)
        let more = state.next == nil ? "" : " · more below"
        let acting = state.acting.map { " · acting on \($0)" } ?? ""
        ListView(
            state.list, title: "Workflows · \(state.query.summary)\(more)\(acting)",
            columns: rect.width >= 100 ? Self.columns : Array(Self.columns.prefix(5)),
            emptyText: "No workflow matches these filters.",
            cell: { workflow, column in Self.cell(workflow, column, now: context.now) }
        ).render(in: layout.list, on: &screen, theme: theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: theme) }
    }

    /// The status line: each status with its count (the selected one highlighted), and the total.
    static func renderCounts(_ state: WorkflowsState, in rect: Rect, on screen: inout Screen, theme: Theme) {
        guard rect.height >= 1 else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme.style(.normal))
        var column = row.x + 1
        let total = state.counts.values.reduce(0, +)
        let allLabel = " all \(Format.count(total)) "
        column = screen.write(
            allLabel, row: row.y, column: column, style: theme.style(state.query.status == nil ? .selected : .muted),
            clip: row)
        let statuses = DBOSWorkflowState.known + state.counts.keys.filter { !DBOSWorkflowState.known.contains($0) }
        let always: [DBOSWorkflowState] = [.pending, .enqueued, .success, .error, .cancelled]
        for status in statuses {
            let count = state.counts[status] ?? 0
            if count == 0, state.query.status != status, !always.contains(status) { continue }
            let selected = state.query.status == status
            let label = " ● \(shortName(status)) \(Format.count(count)) "
            let role: StyleRole = selected ? .selected : (count == 0 ? .muted : role(for: status))
            column = screen.write(label, row: row.y, column: column + 1, style: theme.style(role), clip: row)
        }
    }

    /// `MAX_RECOVERY…` is long: the status as it fits a count line.
    static func shortName(_ status: DBOSWorkflowState) -> String {
        status == .maxRecoveryAttemptsExceeded ? "MAX_RECOVERY" : status.description
    }

    /// A status's colour.
    static func role(for status: DBOSWorkflowState) -> StyleRole {
        switch status {
        case .success: .success
        case .error, .maxRecoveryAttemptsExceeded: .error
        case .pending, .enqueued, .delayed: .warning
        case .cancelled, .other: .muted
        }
    }

    static let columns = [
        TableColumn("Workflow", width: .flexible(minimum: 14, weight: 3)),
        TableColumn("Name", width: .flexible(minimum: 10, weight: 2)),
        TableColumn("Status", width: .fixed(12)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Duration", width: .fixed(9), alignment: .right),
        TableColumn("Queue", width: .flexible(minimum: 6, weight: 1)),
        TableColumn("Executor", width: .flexible(minimum: 8, weight: 1)),
    ]

    static func cell(_ workflow: WorkflowRecord, _ column: Int, now: Date) -> TableCell {
        switch column {
        case 0: return TableCell(workflow.workflowID)
        case 1: return TableCell(workflow.name, role: .title)
        case 2: return TableCell(shortName(workflow.status), role: role(for: workflow.status))
        case 3: return TableCell(Format.dateTime(workflow.createdAt), role: .muted)
        case 4:
            if let duration = workflow.duration { return TableCell(Format.duration(duration)) }
            if !workflow.status.isTerminal {
                let running = Duration.milliseconds(
                    Int64(now.timeIntervalSince(workflow.startedAt ?? workflow.createdAt) * 1000))
                return TableCell(Format.duration(running) + "…", role: .warning)
            }
            return TableCell("—", role: .muted)
        case 5: return TableCell(workflow.queueName ?? "—", role: .muted)
        default: return TableCell(workflow.executorID ?? "—", role: .muted)
        }
    }
}

/// Where the Workflows screen draws: the counts line, then the list.
struct WorkflowsLayout {
    let counts: Rect
    let list: Rect

    init(_ rect: Rect) {
        let parts = rect.splitTop(1)
        counts = parts.top
        list = parts.rest
    }

    var pageSize: Int { ListView<Int>.pageSize(forPanelHeight: list.height) }
}
