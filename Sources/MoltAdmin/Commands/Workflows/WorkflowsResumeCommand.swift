import MoltClient
import MoltCommandLine
import MoltCore

/// `workflows resume ID...` re-enqueues unfinished workflows; `workflows resume --all-failed --name N` is the
/// bulk repair of one workflow function: a dry run listing what it would do unless `--yes`.
///
/// Failed means ERROR or MAX_RECOVERY_ATTEMPTS_EXCEEDED. Dead-lettered workflows are resumed (their recorded
/// steps replay). ERROR workflows cannot be resumed (DBOS keeps their outcome), so they are forked from
/// `--from-step` (1 by default: run everything again, safe for workflows whose failures ran compensations).
struct WorkflowsResumeCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["workflows", "resume"],
        usage: "workflows resume ID... | workflows resume --all-failed --name N [--since T] [--from-step N] [--yes]",
        summary: "Resume workflows, or repair every failed workflow of one name (dry run unless --yes)",
        flags: [
            .toggle("all-failed", help: "Every ERROR or MAX_RECOVERY_ATTEMPTS_EXCEEDED workflow of --name"),
            .option("name", valueName: "N", help: "The workflow function to repair (required with --all-failed)"),
            .option("since", valueName: "T", help: "Only workflows created since T (ISO-8601 or an age: 15m, 2h, 7d)"),
            .option("from-step", valueName: "N", defaultValue: "1", help: "Where forks of ERROR workflows start"),
            .toggle("yes", help: "Act; without it --all-failed only lists what it would do"),
        ],
        details: [
            "Resume re-enqueues a workflow on _dbos_internal_queue; a running moltnetd picks it up and replays its",
            "recorded steps. With --all-failed, dead-lettered (MAX_RECOVERY_ATTEMPTS_EXCEEDED) workflows are resumed",
            "and ERROR workflows are forked (DBOS never resumes an ERROR workflow). Up to 1000 at a time.",
        ],
        examples: [
            "workflows resume --all-failed --name registerAgent",
            "workflows resume --all-failed --name registerAgent --yes",
        ])

    let ids: [String]
    let bulkFilter: WorkflowListFilter?
    let fromStep: Int
    let confirmed: Bool

    init(_ arguments: CommandArguments) throws(ValidationError) {
        fromStep = try arguments.requireInteger("from-step", in: 1...1_000_000)
        confirmed = arguments.isSet("yes")
        if arguments.isSet("all-failed") {
            guard arguments.positionals.isEmpty else { throw ValidationError("--all-failed takes no workflow ids") }
            guard arguments.value("name") != nil else { throw ValidationError("--all-failed needs --name") }
            var filter = try WorkflowsListCommand.filter(arguments, limit: 1000)
            filter.statuses = [.error, .maxRecoveryAttemptsExceeded]
            filter.includePayloads = false
            bulkFilter = filter
            ids = []
        } else {
            guard !arguments.positionals.isEmpty else { throw ValidationError("missing ID (or --all-failed --name N)") }
            for flag in ["name", "since", "yes"] where arguments.parsed.values[flag] != nil {
                throw ValidationError("--\(flag) only goes with --all-failed")
            }
            ids = arguments.positionals
            bulkFilter = nil
        }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        if let bulkFilter { return try await repair(bulkFilter, context: context) }
        var results: [WorkflowAction] = []
        for id in ids {
            do {
                let resumed = try await context.workflows.resume(id)
                let status = resumed ? "ENQUEUED" : (try await context.workflows.workflow(id)?.status.description)
                results.append(
                    WorkflowAction(
                        workflowId: id, action: "resume", status: status, done: resumed,
                        note: resumed
                            ? nil : "finished workflows cannot be resumed; fork them (workflows fork ID --from-step N)")
                )
            } catch let error as DBOSWorkflowError where error.code == .notFound {
                results.append(
                    WorkflowAction(workflowId: id, action: "resume", status: nil, done: false, note: "no such workflow")
                )
            }
        }
        try WorkflowAction.report(results, context: context)
        return results.allSatisfy(\.done) ? .success : .failure
    }

    private func repair(_ filter: WorkflowListFilter, context: AdminContext) async throws -> ExitCode {
        let failed = try await context.workflows.list(filter).workflows
        var results: [WorkflowAction] = []
        let progress = Progress("repairing workflows", total: confirmed ? failed.count : 0)
        for workflow in failed {
            let isError = workflow.status == .error
            var action = WorkflowAction(
                workflowId: workflow.workflowID, action: isError ? "fork from step \(fromStep)" : "resume",
                status: workflow.status.description, done: false)
            if confirmed {
                if isError {
                    action.newWorkflowId = try await context.workflows.fork(workflow.workflowID, startStep: fromStep)
                    action.done = true
                } else {
                    action.done = try await context.workflows.resume(workflow.workflowID)
                    action.status = action.done ? "ENQUEUED" : action.status
                }
                progress.advance()
            } else {
                action.note = "dry run"
            }
            results.append(action)
        }
        progress.finish()
        try WorkflowAction.report(results, context: context)
        if !confirmed, !failed.isEmpty, !context.output.json {
            context.output.note("Dry run: nothing changed. Run again with --yes to act on \(failed.count) workflows.")
        }
        return !confirmed || results.allSatisfy(\.done) ? .success : .failure
    }
}
