import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `agents show FINGERPRINT`: one agent across the services: its identity, OAuth2 clients, permission
/// tuples and place in the web of trust.
struct AgentsShowCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["agents", "show"],
        usage: "agents show FINGERPRINT",
        summary: "Show an agent: identity, OAuth2 clients, permissions, who vouched for it and for whom it vouched",
        details: ["FINGERPRINT may also be an identity id."],
        examples: ["agents show 21FE-31DF-A154-A261"])

    /// Everything shown.
    struct Report: Encodable {
        let agent: AgentDirectory.Agent
        let clients: [Client]
        let relations: [String]
        let vouchedBy: String?
        let vouchedFor: [String]
    }

    /// An OAuth2 client of the agent (never its secret).
    struct Client: Encodable {
        let clientId: String
        let clientName: String?
        let scope: String?
        let createdAt: Date?
    }

    let reference: String

    init(_ arguments: CommandArguments) throws(ValidationError) {
        reference = try arguments.positionals(exactly: "FINGERPRINT")[0]
        if UUID(uuidString: reference) == nil {
            _ = try CommandArguments.fingerprint(reference)
        }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let ory = context.ory
        let agent = try await AgentDirectory(kratos: ory.kratos).find(reference)
        var clients: [Client] = []
        var token: String?
        repeat {
            let page = try await ory.hydra.clients(pageSize: 500, pageToken: token)
            clients += page.items.filter { $0.metadataValue("identity_id") == agent.identityId }.map {
                Client(clientId: $0.clientId ?? "", clientName: $0.clientName, scope: $0.scope, createdAt: $0.createdAt)
            }
            token = page.nextPageToken
        } while token != nil
        var relations: [String] = []
        token = nil
        repeat {
            let page = try await ory.keto.relationTuples(
                KetoRelationQuery(subject: .id(agent.identityId)), pageSize: 500, pageToken: token)
            relations += page.items.map(\.description)
            token = page.nextPageToken
        } while token != nil
        let edges = try await VouchersGraphCommand.allEdges(context.api)
        let report = Report(
            agent: agent, clients: clients, relations: relations.sorted(),
            vouchedBy: edges.first { $0.redeemerFingerprint.value == agent.fingerprint }?.issuerFingerprint.value,
            vouchedFor: edges.filter { $0.issuerFingerprint.value == agent.fingerprint }.map(
                \.redeemerFingerprint.value))
        if context.output.json {
            try context.output.document(report)
        } else {
            print(report, context: context)
        }
        return .success
    }

    private func print(_ report: Report, context: AdminContext) {
        var details = Details()
        details.add("Fingerprint", report.agent.fingerprint)
        details.add("Identity", report.agent.identityId)
        details.add("Public key", report.agent.publicKey)
        details.add("State", report.agent.state)
        details.add("Kind", report.agent.kind)
        details.add("Created", Format.time(report.agent.createdAt))
        details.add("Vouched by", report.vouchedBy ?? (report.agent.kind == "genesis" ? "(genesis)" : "-"))
        details.add("Vouched for", report.vouchedFor.isEmpty ? "-" : report.vouchedFor.joined(separator: ", "))
        var text = details.rendered
        var clients = Table("client id", "name", "scope", "created")
        for client in report.clients {
            clients.add(client.clientId, client.clientName ?? "-", client.scope ?? "-", Format.time(client.createdAt))
        }
        text += "\nOAuth2 clients:\n" + (report.clients.isEmpty ? "(none)\n" : clients.rendered)
        text +=
            "\nRelation tuples:\n"
            + (report.relations.isEmpty ? "(none)\n" : report.relations.joined(separator: "\n") + "\n")
        context.output.line(text)
    }
}
