import Foundation
import MoltClient
import MoltCommandLine

/// `agents disable ID` and `agents enable ID`: an identity's Kratos state. An inactive agent's tokens stop
/// working at once and it cannot sign in until enabled again.
struct AgentStateChange: Sendable {
    let reference: String
    let state: KratosIdentityState

    func run(in context: AdminContext) async throws -> ExitCode {
        let directory = AgentDirectory(kratos: context.ory.kratos)
        let agent = try await directory.find(reference)
        guard let id = UUID(uuidString: agent.identityId) else {
            throw AdminFailure("bad identity id \(agent.identityId)")
        }
        let updated = AgentDirectory.Agent(try await context.ory.kratos.setState(state, of: id))
        if context.output.json {
            try context.output.document(updated)
        } else {
            context.output.line("Agent \(updated.fingerprint) (\(updated.identityId)) is \(updated.state).")
        }
        return .success
    }

    static func reference(_ arguments: CommandArguments) throws(ValidationError) -> String {
        try arguments.positionals(exactly: "ID (identity id or fingerprint)")[0]
    }
}

struct AgentsDisableCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["agents", "disable"], usage: "agents disable ID",
        summary: "Deactivate an agent (identity id or fingerprint): its tokens stop working",
        examples: ["agents disable 21FE-31DF-A154-A261"])

    let change: AgentStateChange

    init(_ arguments: CommandArguments) throws(ValidationError) {
        change = AgentStateChange(reference: try AgentStateChange.reference(arguments), state: .inactive)
    }

    func run(in context: AdminContext) async throws -> ExitCode { try await change.run(in: context) }
}

struct AgentsEnableCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["agents", "enable"], usage: "agents enable ID",
        summary: "Reactivate an agent (identity id or fingerprint)",
        examples: ["agents enable 0b7c3e8e-52a4-4e8e-9c55-3c1f0e2f6a10"])

    let change: AgentStateChange

    init(_ arguments: CommandArguments) throws(ValidationError) {
        change = AgentStateChange(reference: try AgentStateChange.reference(arguments), state: .active)
    }

    func run(in context: AdminContext) async throws -> ExitCode { try await change.run(in: context) }
}
