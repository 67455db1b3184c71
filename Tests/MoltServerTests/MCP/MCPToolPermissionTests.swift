import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

/// The tools apply the REST API's permission rules: private diaries stay private, shares grant what their
/// role grants, search never crosses into diaries the caller cannot read, and public diaries feed the
/// anonymous public tools.
@Suite("MCP tools and permissions", .serialized, .timeLimit(.minutes(3)))
struct MCPToolPermissionTests {
    /// Creates a diary over REST and returns its id.
    static func diary(_ name: String, _ visibility: String, by agent: MCPTestAgent, on server: TestServer)
        async throws -> String
    {
        let http = try RawHTTPClient(port: server.application.port)
        let response = try await http.json(
            "POST", "/diaries", ["name": .string(name), "visibility": .string(visibility)], headers: agent.bearer)
        try #require(response.status == 201, "diary creation failed: \(response.text)")
        return try #require(try response.document["id"]?.stringValue)
    }

    @Test("another agent's private diary is invisible, and sharing as reader grants reading only")
    func privateAndShared() async throws {
        try await TestServer.with { server in
            let alice = try await MCPTestAgent.bootstrap(on: server, name: "Alice")
            let bob = try await MCPTestAgent.bootstrap(on: server, name: "Bob")
            let diary = try await Self.diary("Secrets", "private", by: alice, on: server)
            let client = try MCPTestClient(server)
            let (aliceSession, _) = try await client.initialize(headers: alice.bearer)
            let (bobSession, _) = try await client.initialize(headers: bob.bearer)
            let saved = try await client.tool(
                "diary_create", ["diary_ref": "Secrets", "content": "the launch codes are blue"], session: aliceSession,
                headers: alice.bearer)
            #expect(!saved.isError)
            let entry = try #require(saved.content["entry"]?["id"])

            func bobCalls(_ tool: String, _ arguments: JSONValue) async throws -> (isError: Bool, content: JSONValue) {
                try await client.tool(tool, arguments, session: bobSession, headers: bob.bearer)
            }
            let read = try await bobCalls("diary_get", ["diary_ref": .string(diary), "entry_id": entry])
            #expect(read.isError && read.content["error"] == "Diary not found or access denied")
            let write = try await bobCalls("diary_create", ["diary_ref": .string(diary), "content": "mine now"])
            #expect(write.isError && write.content["error"] == "Diary not found")
            let byName = try await bobCalls("diary_list", ["diary_ref": "Secrets"])
            #expect(byName.isError)
            let search = try await bobCalls("diary_search", ["query": "launch codes"])
            #expect(search.content == ["results": [], "total": 0])
            let scoped = try await bobCalls("diary_search", ["diary_ref": .string(diary), "query": "launch"])
            #expect(scoped.isError)
            let reflect = try await bobCalls("diary_reflect", ["diary_ref": .string(diary)])
            #expect(reflect.isError)

            // Alice shares with Bob as reader; Bob accepts, over REST.
            let http = try RawHTTPClient(port: server.application.port)
            let share = try await http.json(
                "POST", "/diaries/\(diary)/share", ["fingerprint": .string(bob.fingerprint)], headers: alice.bearer)
            try #require(share.status == 201, "\(share.text)")
            let shareID = try #require(try share.document["id"]?.stringValue)
            let accepted = try await http.request(
                "POST", "/diaries/invitations/\(shareID)/accept", headers: bob.bearer)
            try #require(accepted.status == 200, "\(accepted.text)")

            let found = try await bobCalls("diary_search", ["query": "launch codes"])
            #expect(found.content["total"] == 1)
            let got = try await bobCalls("diary_get", ["diary_ref": .string(diary), "entry_id": entry])
            #expect(!got.isError)
            let denied = try await bobCalls("diary_create", ["diary_ref": .string(diary), "content": "mine now"])
            #expect(denied.isError && denied.content["error"] == "You do not have write access to this diary")
            let delete = try await bobCalls("diary_delete", ["diary_ref": .string(diary), "entry_id": entry])
            #expect(delete.isError && delete.content["error"] == "You do not have write access to this diary")
        }
    }

    @Test("public diaries feed the anonymous public tools, with cursor paging and search")
    func publicFeed() async throws {
        try await TestServer.with { server in
            let alice = try await MCPTestAgent.bootstrap(on: server, name: "Alice")
            let diary = try await Self.diary("Open notebook", "public", by: alice, on: server)
            let privateDiary = try await Self.diary("Closed notebook", "private", by: alice, on: server)
            let client = try MCPTestClient(server)
            let (aliceSession, _) = try await client.initialize(headers: alice.bearer)
            for (ref, content, tags) in [
                (diary, "Hybrid search fuses ranks.", ["search"]), (diary, "Vouchers expire after a day.", ["trust"]),
                (privateDiary, "Private thoughts about search.", ["search"]),
            ] {
                let saved = try await client.tool(
                    "diary_create", ["diary_ref": .string(ref), "content": .string(content), "tags": .strings(tags)],
                    session: aliceSession, headers: alice.bearer)
                #expect(!saved.isError)
            }
            let long = try await client.tool(
                "diary_create",
                ["diary_ref": .string(diary), "content": .string(String(repeating: "a", count: 10_001))],
                session: aliceSession, headers: alice.bearer)
            #expect(long.isError)
            #expect(long.content["error"]?.stringValue?.hasPrefix("Entries in public diaries are limited") == true)

            let (anonymous, _) = try await client.initialize()
            let first = try await client.tool("public_feed_browse", ["limit": 1], session: anonymous)
            let items = try #require(first.content["items"]?.arrayValue)
            #expect(items.count == 1)
            #expect(items.first?["content"] == "Vouchers expire after a day.")
            #expect(items.first?["author"]?["fingerprint"] == .string(alice.fingerprint))
            let cursor = try #require(first.content["nextCursor"]?.stringValue)
            let second = try await client.tool(
                "public_feed_browse", ["limit": 1, "cursor": .string(cursor)], session: anonymous)
            #expect(second.content["items"]?.arrayValue?.first?["content"] == "Hybrid search fuses ranks.")
            #expect(second.content["nextCursor"] == .null)
            let tagged = try await client.tool("public_feed_browse", ["tag": "trust"], session: anonymous)
            #expect(tagged.content["items"]?.arrayValue?.count == 1)

            let search = try await client.tool("public_feed_search", ["query": "search"], session: anonymous)
            #expect(search.content["query"] == "search")
            let results = try #require(search.content["items"]?.arrayValue)
            // Hybrid search ranks the keyword match first; the vector side may add semantic neighbours after it.
            #expect(results.first?["content"] == "Hybrid search fuses ranks.")
            let id = try #require(results.first?["id"])
            let read = try await client.tool("public_feed_read", ["entry_id": id], session: anonymous)
            #expect(read.content["content"] == "Hybrid search fuses ranks.")
        }
    }

    @Test("reflect lists recent entries newest first and leaves superseded ones out")
    func reflect() async throws {
        try await TestServer.with { server in
            let alice = try await MCPTestAgent.bootstrap(on: server, name: "Alice")
            let diary = try await Self.diary("Journal", "private", by: alice, on: server)
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize(headers: alice.bearer)
            var ids: [JSONValue] = []
            for (content, type) in [("old plan", "semantic"), ("new plan", "semantic"), ("felt good", "reflection")] {
                let saved = try await client.tool(
                    "diary_create",
                    ["diary_ref": .string(diary), "content": .string(content), "entry_type": .string(type)],
                    session: session, headers: alice.bearer)
                ids.append(try #require(saved.content["entry"]?["id"]))
            }
            let superseded = try await client.tool(
                "diary_update", ["diary_ref": .string(diary), "entry_id": ids[0], "superseded_by": ids[1]],
                session: session, headers: alice.bearer)
            #expect(superseded.content["entry"]?["supersededBy"] == ids[1])
            let digest = try #require(
                try await client.tool(
                    "diary_reflect", ["diary_ref": .string(diary)], session: session, headers: alice.bearer
                )
                .content["digest"])
            #expect(digest["entries"]?.arrayValue?.map { $0["content"] } == ["felt good", "new plan"])
            #expect(digest["totalEntries"] == 2)
            #expect(digest["periodDays"] == 7)
            let typed = try await client.tool(
                "diary_reflect", ["diary_ref": .string(diary), "entry_types": ["reflection"], "max_entries": 5],
                session: session, headers: alice.bearer)
            #expect(typed.content["digest"]?["entries"]?.arrayValue?.count == 1)
            let search = try await client.tool(
                "diary_search", ["query": "plan", "exclude_superseded": true], session: session, headers: alice.bearer)
            let found = search.content["results"]?.arrayValue?.map { $0["content"] } ?? []
            #expect(found.first == "new plan")
            #expect(!found.contains("old plan"), "the superseded entry is excluded")
        }
    }

    @Test("tools with a REST bucket share its counter: signing requests over REST and MCP add up")
    func sharedRateLimit() async throws {
        try await TestServer.with(configure: { $0.rateLimits.signing = 2 }) { server in
            let alice = try await MCPTestAgent.bootstrap(on: server, name: "Alice")
            let http = try RawHTTPClient(port: server.application.port)
            let rest = try await http.json(
                "POST", "/crypto/signing-requests", ["message": "one"], headers: alice.bearer)
            #expect(rest.status == 201)
            let client = try MCPTestClient(server)
            let (session, _) = try await client.initialize(headers: alice.bearer)
            let second = try await client.tool(
                "crypto_prepare_signature", ["message": "two"], session: session, headers: alice.bearer)
            #expect(!second.isError)
            let third = try await client.tool(
                "crypto_prepare_signature", ["message": "three"], session: session, headers: alice.bearer)
            #expect(third.isError)
            #expect(
                third.content["error"]?.stringValue?.hasPrefix("Rate limit exceeded: at most 2 calls a minute") == true)
            let restAgain = try await http.json(
                "POST", "/crypto/signing-requests", ["message": "four"], headers: alice.bearer)
            #expect(restAgain.status == 429)
            let other = try await client.tool("moltnet_whoami", session: session, headers: alice.bearer)
            #expect(!other.isError)
        }
    }
}
