import MoltClient
import MoltCommandLine

/// `workflows fork ID --from-step N`: a copy that replays steps 1…N-1 from their records and runs the rest.
struct WorkflowsForkCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["workflows", "fork"],
        usage: "workflows fork ID --from-step N [--new-id ID] [--app-version V]",
        summary: "Start a copy of a workflow from step N (earlier steps replay their recorded results)",
        flags: [
            .option("from-step", valueName: "N", help: "The first step to run again (1 runs everything again)"),
            .option("new-id", valueName: "ID", help: "The copy's workflow id (default: a random UUID)"),
            .option("app-version", valueName: "V", help: "The copy's application version (default: the original's)"),
        ],
        details: [
            "The copy is ENQUEUED on _dbos_internal_queue; a running moltnetd with the workflow registered runs it."
        ],
        examples: ["workflows fork 3f6c…-registration --from-step 3"])

    let id: String
    let fromStep: Int
    let newID: String?
    let applicationVersion: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        id = try arguments.positionals(exactly: "ID")[0]
        fromStep = try arguments.requireInteger("from-step", in: 1...1_000_000)
        newID = arguments.value("new-id")
        applicationVersion = arguments.value("app-version")
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let copy = try await context.workflows.fork(
            id, startStep: fromStep, newWorkflowID: newID, applicationVersion: applicationVersion)
        if context.output.json {
            try context.output.document(
                WorkflowAction(workflowId: id, action: "fork", status: "ENQUEUED", done: true, newWorkflowId: copy))
        } else {
            context.output.line("Forked \(id) from step \(fromStep) as \(copy) (ENQUEUED).")
        }
        return .success
    }
}
