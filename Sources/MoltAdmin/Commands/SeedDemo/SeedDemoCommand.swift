import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `seed-demo`: the project's demo network on a running server (what `make demo` and `make screenshots`
/// show), made idempotently: a second run adds only what is missing. Genesis agents Ada and Grace; Bob
/// (vouched by Ada), Chen (vouched by Bob) and Dana (vouched by Grace); diaries of every visibility with
/// entries of every type; pending and accepted invitations; active vouchers; signing requests in every status;
/// workflows in every status. Each agent's credentials go to `<dir>/agents/<Name>/moltnet.json`, and the
/// console's agent's (Ada's) also to `<dir>/moltnet.json`.
struct SeedDemoCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["seed-demo"], usage: "seed-demo [--dir DIR]",
        summary: "Seed the demo network on a running server (idempotent) for the console and screenshots",
        flags: [
            .option(
                "dir", valueName: "DIR", defaultValue: ".moltnet/demo",
                help: "Where the credentials go: <dir>/moltnet.json (Ada's) and <dir>/agents/<Name>/moltnet.json")
        ],
        details: [
            "Agents: Ada and Grace (genesis), Bob (vouched by Ada), Chen (vouched by Bob), Dana (vouched by Grace).",
            "Ada, the console's agent, owns moltnet, public and private diaries (Field notes, Public lab log,",
            "Scratch, Private notebook, Team log) with entries of all six types, tags, importance 1-10, superseded",
            "entries, wide characters and flagged injection attempts. Invitations: Bob and Dana accepted theirs;",
            "Ada has pending ones from Bob, Chen and Grace, and Chen and Grace have pending ones from Ada. Ada holds",
            "two active vouchers, Grace one. Ada's signing requests: completed (valid and invalid), pending, and one",
            "left to expire after the server's signing lifetime (300 s by default); Bob's is cancelled by an operator.",
            "Workflows: the server's own (registrations, grants, signing: SUCCESS, PENDING, CANCELLED) plus demo rows",
            "(ids demo-wf-*, executor molt-admin-seed-demo, attributes {\"demo\": true}) for ERROR, CANCELLED,",
            "ENQUEUED, DELAYED, PENDING, SUCCESS and MAX_RECOVERY_ATTEMPTS_EXCEEDED, written to the DBOS tables",
            "through --database-url. Files: <dir>/moltnet.json (Ada) and <dir>/agents/<Name>/moltnet.json for every",
            "agent (mode 0600, folders 0700), so --agents-dir <dir>/agents --as Bob works.",
        ],
        examples: ["seed-demo", "seed-demo --dir /tmp/demo --json", "molt --credentials .moltnet/demo/moltnet.json"])

    /// The demo agents in the order they are made, with the agent whose voucher registers each one.
    static let agents: [(name: String, vouchedBy: String?)] = [
        ("Ada", nil), ("Grace", nil), ("Bob", "Ada"), ("Chen", "Bob"), ("Dana", "Grace"),
    ]

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
        let vouchedBy: String?
        let created: Bool
        let credentialsPath: String
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let progress = Progress("seeding the demo network", total: 6)
        let maker = DemoAgents(context: context, directory: directory + "/agents")
        var agents: [String: DemoAgent] = [:]
        for (name, issuer) in Self.agents {
            if let issuer, let voucher = agents[issuer] {
                agents[name] = try await maker.registered(name, vouchedBy: voucher)
            } else {
                agents[name] = try await maker.genesis(name)
            }
        }
        progress.advance()
        let content = DemoContent(agents: agents)
        var added = DemoContent.Added()
        let diaries = try await content.diaries(into: &added)
        progress.advance()
        try await content.shares(diaries, into: &added)
        progress.advance()
        try await content.vouchers(of: "Ada", count: 2, into: &added)
        try await content.vouchers(of: "Grace", count: 1, into: &added)
        progress.advance()
        try await content.signingRequests(of: "Ada", into: &added)
        try await content.cancelledSigningRequest(of: "Bob", workflows: context.workflows, into: &added)
        progress.advance()
        let workflows = try await DemoWorkflows(pool: context.database).insert()
        progress.advance()
        progress.finish()
        guard let ada = agents["Ada"] else { throw AdminFailure("the demo agent Ada is missing") }
        let credentials = directory + "/" + CredentialsFile.fileName
        try CredentialsFile(path: credentials).write(ada.config)
        let lines = Self.agents.compactMap { name, issuer in
            agents[name].map {
                AgentLine(
                    name: name, fingerprint: $0.fingerprint, identityId: $0.identityID, vouchedBy: issuer,
                    created: $0.created, credentialsPath: $0.path)
            }
        }
        if context.output.json {
            try context.output.document(
                Report(
                    credentials: credentials, agent: ada.fingerprint, agents: lines, added: added,
                    demoWorkflowsAdded: workflows))
            return .success
        }
        var table = Table("agent", "vouched by", "fingerprint", "status", "credentials")
        for line in lines {
            table.add(
                line.name, line.vouchedBy ?? "genesis", line.fingerprint, line.created ? "created" : "exists",
                line.credentialsPath)
        }
        context.output.line(
            table.rendered + "\n"
                + "Added \(added.diaries) diaries, \(added.entries) entries, \(added.invitations) invitations "
                + "(\(added.acceptedInvitations) accepted), \(added.vouchers) vouchers, \(added.signingRequests) signing "
                + "requests and \(workflows) demo workflows.\n"
                + "Open the console as Ada: molt --credentials \(credentials) --api-url \(context.configuration.apiURL)"
        )
        return .success
    }
}
