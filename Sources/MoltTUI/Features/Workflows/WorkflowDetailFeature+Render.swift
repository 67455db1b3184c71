import Foundation
import MoltClient
import MoltCore

extension WorkflowDetailFeature {
    public func render(_ state: WorkflowDetailState, in rect: Rect, on screen: inout Screen, _ context: FeatureContext)
    {
        let theme = context.theme
        let layout = WorkflowDetailLayout(rect)
        let status = state.record.map { "\($0.status)" } ?? (state.isLoading ? "loading…" : "")
        Panel(title: "Workflow \(state.id)", note: status, isFocused: state.focus == .overview)
            .render(in: layout.overview, on: &screen, theme: theme)
        Self.overviewText(state, now: context.now).render(in: layout.overviewText, on: &screen, theme: theme)

        let steps = state.details?.steps ?? []
        let stepsInside = Panel(
            title: "Steps", note: state.steps.positionText(rowCount: steps.count), isFocused: state.focus == .steps
        ).render(in: layout.steps, on: &screen, theme: theme)
        let span = Self.span(state)
        TableView(
            columns: [
                TableColumn("#", width: .fixed(3), alignment: .right),
                TableColumn("Step", width: .flexible(minimum: 10, weight: 2)),
                TableColumn("Started", width: .fixed(12)),
                TableColumn("Duration", width: .fixed(9), alignment: .right),
                TableColumn("Result", width: .fixed(7)),
                TableColumn("Timeline", width: .fixed(Self.barWidth)),
            ],
            rowCount: steps.count, viewport: state.steps, isFocused: state.focus == .steps,
            emptyText: state.details == nil ? "Loading…" : "No step recorded yet.",
            cell: { row, column in
                let step = steps[row]
                switch column {
                case 0: return TableCell("\(step.functionID)", role: .muted)
                case 1: return TableCell(step.functionName)
                case 2: return TableCell(step.startedAt.map(Self.clock) ?? "—", role: .muted)
                case 3: return TableCell(step.duration.map(Format.duration) ?? "—")
                case 4: return step.error == nil ? TableCell("ok", role: .success) : TableCell("error", role: .error)
                default: return TableCell(Self.bar(step, span: span), role: step.error == nil ? .success : .error)
                }
            }
        ).render(in: stepsInside, on: &screen, theme: theme)

        Panel(title: "Events and messages", isFocused: state.focus == .events).render(
            in: layout.events, on: &screen, theme: theme)
        Self.eventsText(state).render(in: layout.eventsText, on: &screen, theme: theme)
        if let form = state.form { screen.cursor = form.render(in: rect, on: &screen, theme: theme) }
    }

    /// The overview: facts, then inputs, output, error.
    static func overviewText(_ state: WorkflowDetailState, now: Date) -> TextView {
        var paragraphs: [TextView.Paragraph] = []
        if let failure = state.failure {
            paragraphs.append(TextView.Paragraph("✖ \(failure.description)", role: .error))
        }
        guard let record = state.record else {
            return TextView(
                paragraphs: paragraphs + [TextView.Paragraph("Loading…", role: .muted)], scroll: state.overview)
        }
        var duration = record.duration.map(Format.duration) ?? "—"
        if record.duration == nil, !record.status.isTerminal {
            duration =
                "running for "
                + Format.duration(
                    .milliseconds(Int64(now.timeIntervalSince(record.startedAt ?? record.createdAt) * 1000)))
        }
        paragraphs += FactLines.paragraphs([
            ("Status", "\(record.status)"), ("Name", record.name),
            ("Queue", record.queueName ?? "—"), ("Executor", record.executorID ?? "—"),
            ("Version", record.applicationVersion ?? "—"),
            ("Created", Format.timestamp(record.createdAt)),
            ("Completed", record.completedAt.map(Format.timestamp) ?? "—"), ("Duration", duration),
            ("Attempts", record.recoveryAttempts.map { "\($0)" } ?? "—"),
        ])
        if let parent = record.forkedFrom { paragraphs += FactLines.paragraphs([("Forked from", parent)]) }
        paragraphs.append(TextView.Paragraph(""))
        paragraphs.append(TextView.Paragraph("Inputs", role: .title))
        paragraphs.append(TextView.Paragraph(record.inputs.map { Format.prettyJSON($0.description) } ?? "(none)"))
        if let error = record.error {
            paragraphs.append(TextView.Paragraph("Error", role: .error))
            paragraphs.append(TextView.Paragraph(Format.prettyJSON(error.description)))
        } else {
            paragraphs.append(TextView.Paragraph("Output", role: .title))
            paragraphs.append(
                TextView.Paragraph(record.output.map { Format.prettyJSON($0.description) } ?? "(none yet)"))
        }
        return TextView(paragraphs: paragraphs, scroll: state.overview)
    }

    /// Events (latest value per key) and messages (consumed or waiting).
    static func eventsText(_ state: WorkflowDetailState) -> TextView {
        guard let details = state.details else {
            return TextView(paragraphs: [TextView.Paragraph("Loading…", role: .muted)], scroll: state.events)
        }
        var paragraphs: [TextView.Paragraph] = [TextView.Paragraph("Events", role: .title)]
        if details.events.latest.isEmpty { paragraphs.append(TextView.Paragraph("none", role: .muted)) }
        for event in details.events.latest {
            paragraphs.append(TextView.Paragraph("\(event.key) = \(event.value?.description ?? "null")"))
        }
        if details.events.historyAvailable, details.events.history.count > details.events.latest.count {
            paragraphs.append(TextView.Paragraph("\(details.events.history.count) values set in all", role: .muted))
        }
        paragraphs.append(TextView.Paragraph("Messages", role: .title))
        if details.notifications.isEmpty { paragraphs.append(TextView.Paragraph("none", role: .muted)) }
        for note in details.notifications {
            let state = note.consumed.map { $0 ? "consumed" : "waiting" } ?? ""
            paragraphs.append(
                TextView.Paragraph("\(note.topic ?? "(no topic)"): \(note.message?.description ?? "null") \(state)"))
        }
        return TextView(paragraphs: paragraphs, scroll: state.events)
    }

    static let barWidth = 16

    /// The workflow's first and last recorded moments (for the timeline bars).
    static func span(_ state: WorkflowDetailState) -> (start: Date, seconds: Double)? {
        let steps = state.details?.steps ?? []
        let starts = steps.compactMap(\.startedAt)
        let ends = steps.compactMap { $0.completedAt ?? $0.startedAt }
        guard let first = starts.min(), let last = ends.max() else { return nil }
        return (first, max(last.timeIntervalSince(first), 0.001))
    }

    /// A bar showing when a step ran within the workflow: `··███·····`.
    static func bar(_ step: WorkflowStep, span: (start: Date, seconds: Double)?) -> String {
        guard let span, let started = step.startedAt else { return String(repeating: "·", count: barWidth) }
        let ended = step.completedAt ?? started
        let from = Int((started.timeIntervalSince(span.start) / span.seconds * Double(barWidth)).rounded(.down))
        let length = max(Int((ended.timeIntervalSince(started) / span.seconds * Double(barWidth)).rounded()), 1)
        let start = min(max(from, 0), barWidth - 1)
        let end = min(start + length, barWidth)
        return String(repeating: "·", count: start) + String(repeating: "█", count: end - start)
            + String(repeating: "·", count: barWidth - end)
    }

    /// `14:03:09.120`.
    static func clock(_ date: Date) -> String {
        let timestamp = Format.timestamp(date)
        let time = timestamp.split(separator: " ").last.map { String($0.dropLast()) } ?? ""
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded()) % 1000
        return time + String(format: ".%03d", milliseconds)
    }
}

/// Where the workflow screen's panes go: the overview on the left (on top below 110 columns), the steps and
/// the events on the right.
struct WorkflowDetailLayout {
    let overview: Rect
    let steps: Rect
    let events: Rect

    init(_ rect: Rect) {
        if rect.width >= 110 {
            let split = rect.splitLeft(rect.width * 2 / 5)
            overview = split.left
            let right = split.right.splitTop(split.right.height * 3 / 5)
            steps = right.top
            events = right.rest
        } else {
            let top = rect.splitTop(rect.height * 2 / 5)
            overview = top.top
            let bottom = top.rest.splitTop(top.rest.height * 3 / 5)
            steps = bottom.top
            events = bottom.rest
        }
    }

    var overviewText: Rect { overview.insetBy(dx: 2, dy: 1) }
    var eventsText: Rect { events.insetBy(dx: 2, dy: 1) }
    var stepsPageSize: Int { ListView<Int>.pageSize(forPanelHeight: steps.height) }
}
