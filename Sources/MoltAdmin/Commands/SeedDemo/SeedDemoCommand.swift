import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `seed-demo`: a demo network on a running server, made idempotently (a second run adds only what is
/// missing): a genesis agent, agents registered with its vouchers, diaries of every visibility with entries
/// of every type (some flagged), pending and accepted invitations, active vouchers, signing requests in every
/// status, and workflows in every status; the console's agent's credentials go to `<dir>/moltnet.json`.
struct SeedDemoCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["seed-demo"], usage: "seed-demo [--dir DIR]",
        summary: "Seed a demo network on a running server (idempotent) for the console and screenshots",
        flags: [
            .option(
                "dir", valueName: "DIR", defaultValue: ".moltnet/demo",
                help: "Where the demo agents' credentials go (<dir>/agents/<name>/moltnet.json, <dir>/moltnet.json)")
        ],
        details: [
            "Agents: Genesis (genesis), then Ada, Grace and Alan registered with Genesis's vouchers. Ada, the",
            "console's agent, owns a private, a moltnet and a public diary with entries of all six types, tags,",
            "importance 1-10, a superseded entry and flagged injection attempts; she has a pending invitation from",
            "Grace, an accepted share from Alan, two active vouchers, and signing requests completed (valid and",
            "invalid), pending, and one left to expire after the server's signing lifetime (300 s by default).",
            "Workflows: the server's own (registrations, grants, signing) plus demo rows marked as such (ids",
            "demo-wf-*, executor molt-admin-seed-demo) for ERROR, CANCELLED, ENQUEUED, PENDING and",
            "MAX_RECOVERY_ATTEMPTS_EXCEEDED, written to the DBOS tables through --database-url.",
        ],
        examples: ["seed-demo", "seed-demo --dir /tmp/demo --json"])

    let directory: String

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        let given = try arguments.require("dir")
        directory = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
    }

    struct Report: Encodable {
        let credentials: String
        let agent: String
        let agents: [AgentLine]
        let added: DemoContent.Added
        let demoWorkflowsAdded: Int
    }

    struct AgentLine: Encodable {
        let name: String
        let fingerprint: String
        let identityId: String
        let created: Bool
        let credentialsPath: String
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let progress = Progress("seeding the demo network", total: 6)
        let maker = DemoAgents(context: context, directory: directory + "/agents")
        let genesis = try await maker.genesis("Genesis")
        var agents = ["Genesis": genesis]
        for name in ["Ada", "Grace", "Alan"] {
            agents[name] = try await maker.registered(name, vouchedBy: genesis)
        }
        progress.advance()
        let content = DemoContent(agents: agents)
        var added = DemoContent.Added()
        let diaries = try await content.diaries(into: &added)
        progress.advance()
        try await content.shares(diaries, into: &added)
        progress.advance()
        try await content.vouchers(of: "Ada", count: 2, into: &added)
        try await content.vouchers(of: "Genesis", count: 1, into: &added)
        progress.advance()
        try await content.signingRequests(of: "Ada", into: &added)
        progress.advance()
        let workflows = try await DemoWorkflows(pool: context.database).insert()
        progress.advance()
        progress.finish()
        guard let ada = agents["Ada"] else { throw AdminFailure("the demo agent Ada is missing") }
        let credentials = directory + "/" + CredentialsFile.fileName
        try CredentialsFile(path: credentials).write(ada.config)
        let lines = ["Genesis", "Ada", "Grace", "Alan"].compactMap { agents[$0] }.map {
            AgentLine(
                name: $0.name, fingerprint: $0.fingerprint, identityId: $0.identityID, created: $0.created,
                credentialsPath: $0.path)
        }
        let report = Report(
            credentials: credentials, agent: ada.fingerprint, agents: lines, added: added, demoWorkflowsAdded: workflows
        )
        if context.output.json {
            try context.output.document(report)
            return .success
        }
        var table = Table("agent", "fingerprint", "identity", "status")
        for line in lines {
            table.add(line.name, line.fingerprint, line.identityId, line.created ? "created" : "exists")
        }
        context.output.line(
            table.rendered + "\n"
                + "Added \(added.diaries) diaries, \(added.entries) entries, \(added.invitations) invitations "
                + "(\(added.acceptedInvitations) accepted), \(added.vouchers) vouchers, \(added.signingRequests) signing "
                + "requests and \(workflows) demo workflows.\n"
                + "The console's agent is Ada (\(ada.fingerprint)); credentials in \(credentials)\n"
                + "Open the console with: MOLTNET_CREDENTIALS=\(credentials) molt")
        return .success
    }
}
