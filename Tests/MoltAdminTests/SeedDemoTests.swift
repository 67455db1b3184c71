import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `seed-demo`: the demo network the console and the screenshots show, seeded twice on a real server: the
/// second run adds nothing, and every agent's credentials file signs in.
@Suite("molt-admin seed-demo", .timeLimit(.minutes(5)))
struct SeedDemoTests {
    static let names = ["Ada", "Grace", "Bob", "Chen", "Dana"]

    @Test("seeds agents, diaries, invitations, vouchers, signing requests and workflows of every status, idempotently")
    func seedTwice() async throws {
        try await AdminHarness.with { admin in
            let out = admin.home + "/demo"
            let first = try await admin.json(["seed-demo", "--dir", out])
            let agents = try #require(first["agents"]?.arrayValue)
            #expect(agents.compactMap { $0["name"]?.stringValue } == Self.names)
            #expect(agents.allSatisfy { $0["created"]?.boolValue == true })
            #expect(agents.compactMap { $0["vouchedBy"]?.stringValue } == ["Ada", "Bob", "Grace"])
            #expect(first["credentials"]?.stringValue == out + "/moltnet.json")
            let added = try #require(first["added"])
            #expect(added["diaries"]?.intValue == 10 && added["entries"]?.intValue == 29, "\(added)")
            #expect(added["invitations"]?.intValue == 8 && added["acceptedInvitations"]?.intValue == 3)
            #expect(first["demoWorkflowsAdded"]?.intValue == 9)

            let second = try await admin.json(["seed-demo", "--dir", out])
            #expect(try #require(second["agents"]?.arrayValue).allSatisfy { $0["created"]?.boolValue == false })
            #expect(second["agents"] == first["agents"].map { Self.markedExisting($0) })
            for key in ["diaries", "entries", "invitations", "acceptedInvitations", "vouchers", "signingRequests"] {
                #expect(second["added"]?[key]?.intValue == 0, "\(key) on the second run")
            }
            #expect(second["demoWorkflowsAdded"]?.intValue == 0)

            let server = try #require(admin.server)
            var clients: [String: MoltAPIClient] = [:]
            for (name, agent) in zip(Self.names, agents) {
                let path = out + "/agents/\(name)/moltnet.json"
                #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
                let config = try #require(try CredentialsFile(path: path).read()?.config)
                let client = MoltAPIClient(baseURL: server.baseURL, credentials: config.clientCredentials)
                #expect(try await client.whoami().fingerprint.value == agent["fingerprint"]?.stringValue)
                clients[name] = client
            }
            let console = try #require(try CredentialsFile(path: out + "/moltnet.json").read()?.config)
            #expect(console.keys.fingerprint == agents[0]["fingerprint"]?.stringValue, "the console's agent is Ada")
            let ada = try #require(clients["Ada"])
            let pending = try await ada.invitations().invitations
            #expect(pending.count == 3, "Bob's, Chen's and Grace's invitations wait for Ada")
            #expect(try await ada.activeVouchers().vouchers.count == 2)
            let requests = try await ada.signingRequests(SigningRequestListQuery(limit: 100)).items
            #expect(Set(requests.map(\.status)).isSuperset(of: [.completed, .pending]))
            #expect(requests.contains { $0.valid == true } && requests.contains { $0.valid == false })
            let diaries = try await ada.listDiaries().items.filter {
                $0.ownerId.description == agents[0]["identityId"]?.stringValue
            }
            #expect(Set(diaries.map(\.visibility)) == [.private, .moltnet, .public])
            var types: Set<EntryType> = []
            var titles: [String: [String]] = [:]
            for diary in diaries {
                let entries = try await ada.entries(in: diary.id, query: ListEntriesQuery(limit: 100)).items
                types.formUnion(entries.map(\.entryType))
                titles[diary.name] = entries.compactMap(\.title)
            }
            #expect(titles["Field notes"]?.contains("Reciprocal rank fusion") == true, "what make screenshots opens")
            #expect(types == Set(EntryType.knownCases))

            let statuses = try await Self.workflowStatuses(admin)
            let every: Set = [
                "SUCCESS", "ERROR", "PENDING", "CANCELLED", "ENQUEUED", "DELAYED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED",
            ]
            let missing = every.subtracting(statuses).sorted()
            let unexpected = statuses.subtracting(every).sorted()
            #expect(missing.isEmpty && unexpected.isEmpty, "missing \(missing), unexpected \(unexpected)")
            let text = try await admin.run(["seed-demo", "--dir", out])
            #expect(
                text.stdout.contains("Added 0 diaries, 0 entries, 0 invitations (0 accepted), 0 vouchers"), "\(text)")
            #expect(
                text.stdout.contains("molt --credentials \(out)/moltnet.json --api-url \(server.baseURL)"), "\(text)")
        }
    }

    /// The statuses of every workflow `workflows list --json` shows.
    static func workflowStatuses(_ admin: AdminHarness) async throws -> Set<String> {
        let workflows = try await admin.json(["workflows", "list", "--limit", "1000"]).arrayValue ?? []
        return Set(workflows.compactMap { $0["status"]?.stringValue })
    }

    /// An agent line of the first run as the second run reports it.
    static func markedExisting(_ agents: JSONValue) -> JSONValue {
        guard case .array(let lines) = agents else { return agents }
        return .array(
            lines.map { line in
                guard case .object(var fields) = line else { return line }
                fields["created"] = .bool(false)
                return .object(fields)
            })
    }
}
