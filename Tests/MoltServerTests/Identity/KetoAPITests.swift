import MoltCore
import Foundation
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Keto read and write APIs on the admin listener", .serialized, .timeLimit(.minutes(2)))
struct KetoAPITests {
    static func tuple(_ namespace: String, _ object: String, _ relation: String, subject: String) -> JSONValue {
        .object([
            "namespace": .string(namespace), "object": .string(object), "relation": .string(relation),
            "subject_id": .string(subject),
        ])
    }

    static let entryParent: JSONValue = .object([
        "namespace": .string("DiaryEntry"), "object": .string("e1"), "relation": .string("parent"),
        "subject_set": .object(["namespace": .string("Diary"), "object": .string("d1"), "relation": .string("")]),
    ])

    @Test("PUT is 201 with the tuple and Location, again 201 as a no-op; checks follow the roles")
    func createAndCheck() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let created = try await client.json(
                "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d1", "owner", subject: "alice"))
            #expect(created.status == 201)
            #expect(try created.document["subject_id"]?.stringValue == "alice")
            #expect(created.headers["location"]?.hasPrefix("/relation-tuples?namespace=Diary&object=d1") == true)
            #expect(
                try await client.json(
                    "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d1", "owner", subject: "alice")
                ).status == 201)
            #expect(
                try await client.json(
                    "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d1", "readers", subject: "bob")
                ).status == 201)
            #expect(try await client.json("PUT", "/admin/relation-tuples", Self.entryParent).status == 201)

            let checks: [(String, Bool)] = [
                ("namespace=DiaryEntry&object=e1&relation=view&subject_id=bob", true),
                ("namespace=DiaryEntry&object=e1&relation=edit&subject_id=bob", false),
                ("namespace=DiaryEntry&object=e1&relation=edit&subject_id=alice", true),
                ("namespace=Diary&object=d1&relation=manage&subject_id=bob", false),
                ("namespace=Diary&object=d1&relation=read&subject_id=nobody", false),
                (
                    "namespace=DiaryEntry&object=e1&relation=parent&subject_set.namespace=Diary&subject_set.object=d1&subject_set.relation=",
                    true
                ),
            ]
            for (query, allowed) in checks {
                let open = try await client.request("GET", "/relation-tuples/check/openapi?\(query)")
                #expect(open.status == 200)
                #expect(try open.document["allowed"]?.boolValue == allowed, "\(query)")
                let orError = try await client.request("GET", "/relation-tuples/check?\(query)")
                #expect(orError.status == (allowed ? 200 : 403), "\(query)")
                #expect(try orError.document["allowed"]?.boolValue == allowed)
            }
            let posted = try await client.json(
                "POST", "/relation-tuples/check/openapi", Self.tuple("DiaryEntry", "e1", "view", subject: "bob"))
            #expect(try posted.document["allowed"]?.boolValue == true)
            let postedDenied = try await client.json(
                "POST", "/relation-tuples/check", Self.tuple("DiaryEntry", "e1", "delete", subject: "bob"))
            #expect(postedDenied.status == 403)
            let batch = try await client.json(
                "POST", "/relation-tuples/batch/check",
                .object([
                    "tuples": .array([
                        Self.tuple("Diary", "d1", "read", subject: "bob"),
                        Self.tuple("Diary", "d1", "write", subject: "bob"),
                    ])
                ]))
            #expect(try batch.document["results"]?.arrayValue?.map { $0["allowed"]?.boolValue } == [true, false])
        }
    }

    @Test("bad tuples and checks are 400 genericError")
    func badRequests() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let noSubject: JSONValue = .object([
                "namespace": .string("Diary"), "object": .string("d"), "relation": .string("owner"),
            ])
            let response = try await client.json("PUT", "/admin/relation-tuples", noSubject)
            #expect(response.status == 400)
            #expect(try response.document["error"]?["code"]?.integerValue == 400)
            #expect(try response.document["error"]?["reason"]?.stringValue == "subject is not allowed to be nil")
            #expect(
                try await client.json(
                    "PUT", "/admin/relation-tuples", Self.tuple("Group", "g", "members", subject: "a")
                ).status == 400)
            #expect(
                try await client.request("GET", "/relation-tuples/check/openapi?namespace=Diary&object=d").status == 400
            )
            #expect(try await client.request("GET", "/relation-tuples?namespace=Nowhere").status == 404)
            #expect(try await client.request("GET", "/relation-tuples?subject_set.namespace=Diary").status == 400)
        }
    }

    @Test("lists with filters and page tokens in an envelope; next_page_token is empty on the last page")
    func list() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            for reader in ["r1", "r2", "r3"] {
                _ = try await client.json(
                    "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d1", "readers", subject: reader))
            }
            _ = try await client.json(
                "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d2", "owner", subject: "r1"))
            var subjects: [String] = []
            var token = ""
            var pages = 0
            repeat {
                let page = try await client.request(
                    "GET", "/relation-tuples?namespace=Diary&object=d1&page_size=2&page_token=\(token)")
                #expect(page.status == 200)
                let body = try page.document
                subjects += body["relation_tuples"]?.arrayValue?.compactMap { $0["subject_id"]?.stringValue } ?? []
                token = try #require(body["next_page_token"]?.stringValue)
                pages += 1
            } while !token.isEmpty
            #expect(subjects == ["r1", "r2", "r3"] && pages == 2)
            let bySubject = try await client.request("GET", "/relation-tuples?subject_id=r1")
            #expect(try bySubject.document["relation_tuples"]?.arrayValue?.count == 2)
            let namespaces = try await client.request("GET", "/namespaces")
            #expect(
                try namespaces.document["namespaces"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
                    "Agent", "Diary", "DiaryEntry",
                ])
        }
    }

    @Test("DELETE needs a namespace and no body, refuses unknown keys, and deletes every match; PATCH is 204")
    func deleteAndPatch() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            for reader in ["r1", "r2"] {
                _ = try await client.json(
                    "PUT", "/admin/relation-tuples", Self.tuple("Diary", "d1", "readers", subject: reader))
            }
            let noNamespace = try await client.request("DELETE", "/admin/relation-tuples?object=d1")
            #expect(noNamespace.status == 400)
            #expect(try noNamespace.document["error"]?["code"]?.integerValue == 400)
            #expect(try await client.request("DELETE", "/admin/relation-tuples?namespace=Diary&bogus=1").status == 400)
            #expect(
                try await client.request("DELETE", "/admin/relation-tuples?namespace=Diary", body: Array("{}".utf8))
                    .status == 400)
            #expect(
                try await client.request("DELETE", "/admin/relation-tuples?namespace=Diary&object=d1").status == 204)
            let after = try await client.request("GET", "/relation-tuples?namespace=Diary")
            #expect(try after.document["relation_tuples"] == .array([]))

            let patch: JSONValue = .array([
                .object([
                    "action": .string("insert"), "relation_tuple": Self.tuple("Diary", "d9", "owner", subject: "z"),
                ]),
                .object(["action": .string("insert"), "relation_tuple": Self.entryParent]),
            ])
            #expect(try await client.json("PATCH", "/admin/relation-tuples", patch).status == 204)
            let bad: JSONValue = .array([.object(["action": .string("upsert"), "relation_tuple": Self.entryParent])])
            #expect(try await client.json("PATCH", "/admin/relation-tuples", bad).status == 400)
            let listed = try await client.request("GET", "/relation-tuples")
            #expect(try listed.document["relation_tuples"]?.arrayValue?.count == 2)
        }
    }

    @Test("health, readiness and version in Ory's shape")
    func metadata() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            #expect(try await client.request("GET", "/health/alive").document == .object(["status": .string("ok")]))
            #expect(try await client.request("GET", "/health/ready").document == .object(["status": .string("ok")]))
            #expect(
                try await client.request("GET", "/version").document["version"]?.stringValue?.hasPrefix("v") == true)
        }
    }
}
