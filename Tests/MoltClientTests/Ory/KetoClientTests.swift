import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Keto's relation tuple and check API against `moltnetd`'s admin listener, through a forwarding listener that
/// keeps the exact requests the client sent.
@Suite("Ory Keto client", .timeLimit(.minutes(2)))
struct KetoClientTests {
    static let diary = "3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01"
    static let entry = "8a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c02"

    @Test("writes MoltNet's tuples, lists them page by page with filters, checks, and deletes by query")
    func tuples() async throws {
        try await TestServer.with { moltnetd in
            try await LoopbackServer.with(handler: ForwardingHandler.to(moltnetd.adminBaseURL)) { server in
                try await Self.tuples(server)
            }
        }
    }

    private static func tuples(_ server: LoopbackServer) async throws {
        do {
            let keto = OryAdminClient(endpoints: OryEndpoints(adminURL: server.baseURL)).keto
            let owner = KetoRelationTuple(
                namespace: "Diary", object: Self.diary, relation: "owner", subject: .id("agent-a"))
            let reader = KetoRelationTuple(
                namespace: "Diary", object: Self.diary, relation: "readers", subject: .id("agent-b"))
            let parent = KetoRelationTuple(
                namespace: "DiaryEntry", object: Self.entry, relation: "parent",
                subject: .set(namespace: "Diary", object: Self.diary, relation: ""))
            #expect(parent.description == "DiaryEntry:\(Self.entry)#parent@Diary:\(Self.diary)#")
            for tuple in [owner, reader, parent] {
                #expect(try await keto.createRelationTuple(tuple) == tuple)
            }
            let put = try #require(server.requests.last)
            #expect(put.methodName == "PUT" && put.path == "/admin/relation-tuples")
            #expect(
                String(decoding: put.body, as: UTF8.self)
                    == #"{"namespace":"DiaryEntry","object":"\#(Self.entry)","relation":"parent","#
                    + #""subject_set":{"namespace":"Diary","object":"\#(Self.diary)","relation":""}}"#)

            var listed: [KetoRelationTuple] = []
            var page = try await keto.relationTuples(KetoRelationQuery(namespace: "Diary"), pageSize: 1)
            listed += page.items
            while let token = page.nextPageToken {
                page = try await keto.relationTuples(
                    KetoRelationQuery(namespace: "Diary"), pageSize: 1, pageToken: token)
                listed += page.items
            }
            #expect(listed == [owner, reader])
            let bySet = try await keto.relationTuples(
                KetoRelationQuery(subject: .set(namespace: "Diary", object: Self.diary, relation: "")))
            #expect(bySet.items == [parent] && bySet.nextPageToken == nil)
            #expect(
                server.requests.last?.target
                    == "/relation-tuples?subject_set.namespace=Diary&subject_set.object=\(Self.diary)&subject_set.relation="
            )

            #expect(try await keto.check(owner))
            #expect(
                server.requests.last?.target
                    == "/relation-tuples/check/openapi?namespace=Diary&object=\(Self.diary)&relation=owner&subject_id=agent-a"
            )
            #expect(
                try await keto.check(
                    KetoRelationTuple(
                        namespace: "Diary", object: Self.diary, relation: "owner", subject: .id("agent-b"))) == false)
            let view = KetoRelationTuple(
                namespace: "DiaryEntry", object: Self.entry, relation: "view", subject: .id("agent-b"))
            #expect(try await keto.check(view, maxDepth: 3))
            #expect(server.requests.last?.target.hasSuffix("&max-depth=3") == true)

            try await keto.deleteRelationTuples(
                namespace: "Diary", object: Self.diary, relation: "readers", subject: .id("agent-b"))
            #expect(
                server.requests.last?.target
                    == "/admin/relation-tuples?namespace=Diary&object=\(Self.diary)&relation=readers&subject_id=agent-b"
            )
            #expect(try await keto.relationTuples(KetoRelationQuery(namespace: "Diary")).items == [owner])
            #expect(try await keto.check(view) == false)
            try await keto.deleteRelationTuples(namespace: "Diary", object: Self.diary)
            #expect(try await keto.relationTuples(KetoRelationQuery(namespace: "Diary")).items.isEmpty)

            let unknown = await #expect(throws: OryError.self) {
                _ = try await keto.relationTuples(KetoRelationQuery(namespace: "Nope"))
            }
            #expect(unknown?.service == .keto && unknown?.status == 404)
            #expect(unknown?.description.contains("Unknown namespace with name \"Nope\"") == true)
        }
    }
}
