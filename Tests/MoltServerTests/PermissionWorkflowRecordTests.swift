import Foundation
import MoltCore
import MoltPostgres
import MoltTestSupport
import Testing

/// The permission grants of spec §5.1 run as durable workflows (issue 6): every diary, entry and share change
/// made through the API leaves its workflow in `dbos.workflow_status` as SUCCESS, with its input and its one
/// recorded step per relation change in `dbos.operation_outputs`.
@Suite("Permission workflows are recorded durably", .timeLimit(.minutes(2)))
struct PermissionWorkflowRecordTests {
    /// One recorded workflow: its name, status, serialized input and step names in order.
    struct Record: Equatable {
        let name: String
        let status: String
        let inputs: String
        let steps: [String]
    }

    @Test("creating, sharing, revoking and deleting leave one SUCCESS workflow each, with their steps")
    func grantsAreRecorded() async throws {
        try await TestServer.with { server in
            let (owner, reader) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let writer = try await APIAgent.create(on: server)
            let diary = try await owner.createDiary("journal")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "a durable note"))
            _ = try await owner.share(diary.id, with: reader, role: .reader)
            _ = try await owner.share(diary.id, with: writer, role: .writer)
            #expect(try await owner.delete("/diaries/\(diary.id)/share/\(reader.fingerprint)").status == 200)
            #expect(try await owner.delete("/diaries/\(diary.id)/entries/\(entry.id)").status == 200)
            #expect(try await owner.delete("/diaries/\(diary.id)").status == 200)

            let records = try await Self.records(server.database.pool)
            let byPrefix = { (prefix: String) in records.filter { $0.key.hasPrefix(prefix) }.map(\.value) }
            let expected: [(prefix: String, name: String, steps: [String], mentions: [String])] = [
                (
                    "perm-owner-", "grantDiaryOwner", ["writeRelation"],
                    [diary.id.description, owner.agentID.description]
                ),
                ("perm-parent-", "grantEntryParent", ["writeParent"], [entry.id.description, diary.id.description]),
                ("perm-share-reader-", "grantDiaryReader", ["writeRelation"], [reader.agentID.description]),
                ("perm-share-writer-", "grantDiaryWriter", ["writeRelation"], [writer.agentID.description]),
                (
                    "perm-revoke-", "removeDiaryAgentRelations", ["delete-readers", "delete-writers"],
                    [reader.agentID.description]
                ),
                ("perm-remove-entry-", "removeEntryRelations", ["deleteRelations"], [entry.id.description]),
            ]
            for (prefix, name, steps, mentions) in expected {
                let found = byPrefix(prefix)
                #expect(found.count == 1, "\(prefix): \(found)")
                let record = try #require(found.first)
                #expect(record.name == name && record.status == "SUCCESS" && record.steps == steps, "\(record)")
                for value in mentions {
                    #expect(record.inputs.lowercased().contains(value.lowercased()), "\(name) input: \(record.inputs)")
                }
            }
            // "perm-remove-" also prefixes the entry's removal: the diary's own is the other one.
            let diaryRemoval = records.filter {
                $0.key.hasPrefix("perm-remove-") && !$0.key.hasPrefix("perm-remove-entry-")
            }
            #expect(diaryRemoval.count == 1)
            let removal = try #require(diaryRemoval.first?.value)
            #expect(removal.name == "removeDiaryRelations" && removal.status == "SUCCESS")
            #expect(removal.steps == ["deleteRelations"] && removal.inputs.contains(diary.id.description))
            // Every permission workflow of the run is accounted for: two agents' shares, nothing else pending.
            #expect(records.count == 7, "\(records.keys.sorted())")
        }
    }

    @Test("a failed request starts no grant: a rejected entry leaves no workflow behind")
    func rejectedRequestsStartNothing() async throws {
        try await TestServer.with { server in
            let owner = try await APIAgent.create(on: server)
            let stranger = try await APIAgent.create(on: server)
            let diary = try await owner.createDiary("journal")
            let before = try await Self.records(server.database.pool)
            #expect(before.count == 1)
            let refused = try await stranger.post("/diaries/\(diary.id)/entries", CreateEntryRequest(content: "no"))
            #expect(refused.status == 404 || refused.status == 403)
            try expectValidationFailure(
                try await owner.post("/diaries/\(diary.id)/entries", CreateEntryRequest(content: "")), field: "/content"
            )
            #expect(try await Self.records(server.database.pool).keys.sorted() == before.keys.sorted())
        }
    }

    /// The permission workflows (ids `perm-…`) and their steps, by workflow id.
    static func records(_ pool: PostgresPool) async throws -> [String: Record] {
        let rows = try await pool.query(
            """
            SELECT w.workflow_uuid, w.name, w.status, coalesce(w.inputs, '') AS inputs,
                   coalesce(array_agg(o.function_name ORDER BY o.function_id)
                            FILTER (WHERE o.function_name IS NOT NULL), '{}') AS steps
            FROM dbos.workflow_status w LEFT JOIN dbos.operation_outputs o ON o.workflow_uuid = w.workflow_uuid
            WHERE w.workflow_uuid LIKE 'perm-%'
            GROUP BY w.workflow_uuid, w.name, w.status, w.inputs
            """
        ).rows
        var records: [String: Record] = [:]
        for row in rows {
            records[try row.decode("workflow_uuid", as: String.self)] = Record(
                name: try row.decode("name"), status: try row.decode("status"), inputs: try row.decode("inputs"),
                steps: try row.decode("steps", as: [String].self))
        }
        return records
    }
}
