import MoltClient
import MoltCommandLine
import MoltCore

/// `workflows cancel ID...`: stops unfinished workflows (an executor running one stops before its next step).
struct WorkflowsCancelCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["workflows", "cancel"], usage: "workflows cancel ID...",
        summary: "Cancel unfinished workflows",
        details: ["A SUCCESS or ERROR workflow is left alone and reported; the exit status is then 1."],
        examples: ["workflows cancel wf-1 wf-2"])

    let ids: [String]

    init(_ arguments: CommandArguments) throws(ValidationError) {
        guard !arguments.positionals.isEmpty else { throw ValidationError("missing ID") }
        ids = arguments.positionals
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let client = context.workflows
        var results: [WorkflowAction] = []
        let progress = Progress("cancelling workflows", total: ids.count > 1 ? ids.count : 0)
        for id in ids {
            defer { progress.advance() }
            do {
                let state = try await client.cancel(id)
                let done = state == .cancelled
                results.append(
                    WorkflowAction(
                        workflowId: id, action: "cancel", status: state.description, done: done,
                        note: done ? nil : "already finished"))
            } catch let error as DBOSWorkflowError where error.code == .notFound {
                results.append(
                    WorkflowAction(workflowId: id, action: "cancel", status: nil, done: false, note: "no such workflow")
                )
            }
        }
        progress.finish()
        try WorkflowAction.report(results, context: context)
        return results.allSatisfy(\.done) ? .success : .failure
    }
}

/// What an operator command did to one workflow.
struct WorkflowAction: Encodable, Sendable {
    let workflowId: String
    let action: String
    /// The status afterwards (nil when the workflow does not exist).
    var status: String?
    var done: Bool
    var note: String?
    /// The copy a fork made.
    var newWorkflowId: String?

    static func report(_ results: [WorkflowAction], context: AdminContext) throws {
        if context.output.json { return try context.output.document(results) }
        var table = Table("workflow", "action", "done", "status", "note")
        for result in results {
            table.add(
                result.workflowId, result.action, result.done ? "yes" : "no", result.status ?? "-",
                result.note ?? result.newWorkflowId.map { "new workflow \($0)" } ?? "")
        }
        context.output.table(table, empty: "No workflows.")
    }
}
