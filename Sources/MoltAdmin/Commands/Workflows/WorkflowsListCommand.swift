import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `workflows list`: durable workflows from the DBOS tables, newest first, filtered by status, name, age.
struct WorkflowsListCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["workflows", "list"],
        usage: "workflows list [--status S[,S]] [--name N] [--queue Q] [--since T] [--limit N]",
        summary: "List durable workflows (DBOS tables) newest first",
        flags: [
            .option(
                "status", valueName: "S",
                help:
                    "PENDING, ENQUEUED, DELAYED, SUCCESS, ERROR, CANCELLED, MAX_RECOVERY_ATTEMPTS_EXCEEDED (comma-separated)"
            ),
            .option(
                "name", valueName: "N", help: "Only workflows of this function (registerAgent, grantDiaryOwner, …)"),
            .option("queue", valueName: "Q", help: "Only workflows on this queue"),
            .option(
                "since", valueName: "T",
                help: "Only workflows created since T: an ISO-8601 time or an age (15m, 2h, 7d)"),
            .option("limit", valueName: "N", defaultValue: "50", help: "At most N workflows (1 to 1000)"),
        ],
        examples: ["workflows list --status ERROR --since 24h", "workflows list --name signingRequest --json"])

    let filter: WorkflowListFilter

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        filter = try Self.filter(arguments, limit: try arguments.requireInteger("limit", in: 1...1000))
    }

    /// The filter `--status`, `--name`, `--queue` and `--since` describe.
    static func filter(_ arguments: CommandArguments, limit: Int) throws(ValidationError) -> WorkflowListFilter {
        var statuses: [DBOSWorkflowState]?
        if let text = arguments.value("status") {
            statuses = try text.split(separator: ",").map { word throws(ValidationError) in
                let state = DBOSWorkflowState(word.trimmingCharacters(in: .whitespaces).uppercased())
                if case .other(let unknown) = state { throw ValidationError("unknown workflow status '\(unknown)'") }
                return state
            }
        }
        var since: Date?
        if let text = arguments.value("since") {
            guard let date = SinceArgument.parse(text) else {
                throw ValidationError("--since must be an ISO-8601 time or an age like 15m, 2h or 7d")
            }
            since = date
        }
        return WorkflowListFilter(
            statuses: statuses, name: arguments.value("name"), queueName: arguments.value("queue"),
            createdFrom: since, limit: limit, includePayloads: arguments.isSet("json"))
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let page = try await context.workflows.list(filter)
        if context.output.json {
            try context.output.document(page.workflows.map(WorkflowView.init))
            return .success
        }
        var table = Table("workflow", "name", "status", "created", "duration", "queue", "executor")
        for workflow in page.workflows {
            table.add(
                workflow.workflowID, workflow.name, workflow.status.description, Format.time(workflow.createdAt),
                Format.duration(workflow.duration), workflow.queueName ?? "-", workflow.executorID ?? "-")
        }
        context.output.table(table, empty: "No workflows.")
        if page.next != nil { context.output.note("(more workflows match: raise --limit or narrow the filter)") }
        return .success
    }
}
