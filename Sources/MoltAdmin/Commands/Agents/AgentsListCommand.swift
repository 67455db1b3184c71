import MoltCommandLine

/// `agents list`: every agent the identity service knows, with its state.
struct AgentsListCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["agents", "list"],
        usage: "agents list [--state active|inactive]",
        summary: "List the agents (Kratos identities) with fingerprint, state and kind",
        flags: [.option("state", valueName: "STATE", help: "Only agents in this state (active or inactive)")],
        examples: ["agents list --state inactive"])

    let state: String?

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        state = arguments.value("state")
        if let state, !["active", "inactive"].contains(state) {
            throw ValidationError("--state must be active or inactive")
        }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let agents = try await AgentDirectory(kratos: context.ory.kratos).all().filter {
            state == nil || $0.state == state
        }
        if context.output.json {
            try context.output.document(agents)
            return .success
        }
        var table = Table("fingerprint", "identity", "state", "kind", "created")
        for agent in agents {
            table.add(agent.fingerprint, agent.identityId, agent.state, agent.kind, Format.time(agent.createdAt))
        }
        context.output.table(table, empty: "No agents.")
        return .success
    }
}
