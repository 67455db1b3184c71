import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

/// `tuples list|check|export|import` on the permission service of a real server.
@Suite("molt-admin tuples", .timeLimit(.minutes(3)))
struct TupleCommandTests {
    @Test("list and check tuples; check answers through MoltNet's rules and exits 1 when denied")
    func listAndCheck() async throws {
        try await AdminHarness.with { admin in
            let agents = try await admin.bootstrap(2)
            let first = try #require(agents[0]["identityId"]?.stringValue)
            let second = try #require(agents[1]["identityId"]?.stringValue)
            let config = try #require(try CredentialsFile(path: admin.credentialsPath).read()?.config)
            let client = MoltAPIClient(
                baseURL: try #require(admin.server).baseURL, credentials: config.clientCredentials)
            let diary = try await client.createDiary(CreateDiaryRequest(name: "Perms"))

            let agentTuples = try #require(try await admin.json(["tuples", "list", "--namespace", "Agent"]).arrayValue)
            #expect(Set(agentTuples.compactMap { $0["object"]?.stringValue }) == [first, second])
            let owned = try #require(try await admin.json(["tuples", "list", "--subject", first]).arrayValue)
            #expect(
                owned.contains {
                    $0["namespace"]?.stringValue == "Diary" && $0["object"]?.stringValue == diary.id.description
                })
            let table = try await admin.run(["tuples", "list", "--namespace", "Diary"])
            #expect(
                table.stdout
                    == "NAMESPACE  OBJECT                                RELATION  SUBJECT\nDiary      \(diary.id)  owner     \(first)\n",
                "\(table)")

            let allowed = try await admin.run(["tuples", "check", first, "write", "Diary:\(diary.id)"])
            #expect(allowed.status == 0 && allowed.stdout == "allowed\n" && allowed.stderr == "")
            let denied = try await admin.run(["tuples", "check", second, "read", "Diary:\(diary.id)"])
            #expect(denied.status == 1 && denied.stdout == "denied\n" && denied.stderr == "")
            let json = try await admin.run(["tuples", "check", first, "act_as", "Agent:\(first)", "--json"])
            #expect(JSONValue.parse(Array(json.stdout.utf8))?["allowed"]?.boolValue == true)
        }
    }

    @Test(
        "export writes JSON lines that import into another server, twice without duplicates; a bad file writes nothing")
    func exportImport() async throws {
        try await AdminHarness.with { source in
            try await source.bootstrap(2)
            let file = source.home + "/tuples.jsonl"
            let exported = try await source.run(["tuples", "export", file])
            #expect(exported.status == 0, "\(exported)")
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            let tuples = try lines.map { try JSONCoding.decode(KetoRelationTuple.self, from: Data($0.utf8)) }
            #expect(tuples.count == 2 && exported.stdout == "Exported 2 tuples to \(file).\n")
            let streamed = try await source.run(["tuples", "export", "-"])
            #expect(streamed.stdout == (try String(contentsOfFile: file, encoding: .utf8)))

            try await AdminHarness.with { target in
                let before = try #require(try await target.json(["tuples", "list"]).arrayValue).count
                #expect(before == 0)
                for _ in 0..<2 {
                    let report = try await target.json(["tuples", "import", file])
                    #expect(report["tuples"]?.intValue == 2)
                    let listed = try #require(try await target.json(["tuples", "list"]).arrayValue)
                    let decoded = try listed.map {
                        try JSONCoding.decode(KetoRelationTuple.self, from: Data($0.text.utf8))
                    }
                    #expect(Set(decoded) == Set(tuples))
                }
                let bad = target.home + "/bad.jsonl"
                try (String(lines[0]) + "\n{\"namespace\":\"Diary\"}\n").write(
                    toFile: bad, atomically: true, encoding: .utf8)
                let refused = try await target.run(["tuples", "import", bad])
                #expect(refused.status == 1)
                #expect(
                    refused.stderr == "error: \(bad) line 2: missing \"object\"; nothing was imported\n", "\(refused)")
            }
        }
    }
}
