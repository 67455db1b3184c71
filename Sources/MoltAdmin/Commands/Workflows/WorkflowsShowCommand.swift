import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `workflows show ID`: one workflow with its inputs, output or error, steps, events and messages.
struct WorkflowsShowCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["workflows", "show"], usage: "workflows show ID",
        summary: "Show a workflow: status, inputs, result, steps, events and messages",
        examples: ["workflows show perm-owner-5b0c…"])

    struct Report: Encodable {
        let workflow: WorkflowView
        let steps: [StepView]
        let events: [EventView]
        let eventHistory: [EventView]
        let notifications: [NotificationView]
    }

    let id: String

    init(_ arguments: CommandArguments) throws(ValidationError) {
        id = try arguments.positionals(exactly: "ID")[0]
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let client = context.workflows
        guard let workflow = try await client.workflow(id) else { throw AdminFailure("no workflow \(id)") }
        let steps = try await client.steps(of: id)
        let events = try await client.events(of: id)
        let notifications = try await client.notifications(of: id)
        if context.output.json {
            try context.output.document(
                Report(
                    workflow: WorkflowView(workflow), steps: steps.map(StepView.init),
                    events: events.latest.map(EventView.init), eventHistory: events.history.map(EventView.init),
                    notifications: notifications.map(NotificationView.init)))
            return .success
        }
        var details = Details()
        details.add("Workflow", workflow.workflowID)
        details.add("Name", workflow.name)
        details.add("Status", workflow.status.description)
        details.add("Queue", workflow.queueName)
        details.add("Executor", workflow.executorID)
        details.add("App version", workflow.applicationVersion)
        details.add("Attempts", workflow.recoveryAttempts.map(String.init))
        details.add("Created", Format.time(workflow.createdAt))
        details.add("Started", Format.time(workflow.startedAt))
        details.add("Completed", Format.time(workflow.completedAt))
        details.add("Duration", Format.duration(workflow.duration))
        if let forked = workflow.forkedFrom { details.add("Forked from", forked) }
        details.add("Inputs", workflow.inputs.map { Format.clipped($0.description, 200) })
        if let output = workflow.output { details.add("Output", Format.clipped(output.description, 200)) }
        if let error = workflow.error { details.add("Error", Format.clipped(error.description, 200)) }
        var text = details.rendered
        var table = Table("step", "name", "duration", "result")
        for step in steps {
            let result = step.error.map { "error: " + $0.description } ?? step.output?.description ?? "-"
            table.add(
                String(step.functionID), step.functionName, Format.duration(step.duration), Format.clipped(result, 80))
        }
        text += "\nSteps:\n" + (steps.isEmpty ? "(none)\n" : table.rendered)
        if !events.latest.isEmpty {
            text +=
                "\nEvents:\n"
                + events.latest.map { "\($0.key) = \($0.value?.description ?? "null")" }.joined(separator: "\n") + "\n"
        }
        if !notifications.isEmpty {
            text +=
                "\nMessages:\n"
                + notifications.map {
                    "\($0.topic ?? "(default topic)"): \(Format.clipped($0.message?.description ?? "", 80))"
                        + ($0.consumed == true ? " (received)" : "")
                }.joined(separator: "\n") + "\n"
        }
        context.output.line(text)
        return .success
    }
}
