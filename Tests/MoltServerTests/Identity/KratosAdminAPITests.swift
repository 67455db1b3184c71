import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Kratos admin API on the admin listener", .serialized, .timeLimit(.minutes(2)))
struct KratosAdminAPITests {
    static func createBody(_ key: String, voucher: String = "voucher-1") -> JSONValue {
        .object([
            "schema_id": .string("moltnet_agent"),
            "traits": .object(["public_key": .string(key), "voucher_code": .string(voucher)]),
            "credentials": .object(["password": .object(["config": .object(["password": .string("moltnet-x")])])]),
        ])
    }

    @Test("create answers 201 with Location and the identity; a duplicate key is 409 genericError")
    func create() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let key = freshAgentKey()
            let created = try await client.json("POST", "/admin/identities", Self.createBody(key.publicKey))
            #expect(created.status == 201)
            let identity = try created.document
            let id = try #require(identity["id"]?.stringValue)
            #expect(created.headers["location"] == "http://127.0.0.1/admin/identities/\(id)")
            #expect(identity["schema_id"]?.stringValue == "moltnet_agent")
            #expect(identity["schema_url"]?.stringValue == "http://127.0.0.1/schemas/bW9sdG5ldF9hZ2VudA")
            #expect(identity["state"]?.stringValue == "active")
            #expect(identity["traits"]?["public_key"]?.stringValue == key.publicKey)
            #expect(identity["credentials"]?["password"]?["identifiers"]?.stringArray == [key.publicKey])
            #expect(identity["metadata_public"]?["fingerprint"]?.stringValue == key.fingerprint)
            #expect(identity["verifiable_addresses"] == .array([]))

            let duplicate = try await client.json("POST", "/admin/identities", Self.createBody(key.publicKey))
            #expect(duplicate.status == 409)
            #expect(try duplicate.document["error"]?["code"]?.integerValue == 409)
            #expect(
                try duplicate.document["error"]?["message"]?.stringValue
                    == "The resource could not be created due to a conflict")
        }
    }

    @Test("bad traits, schemas and bodies are 400 genericError")
    func badRequests() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let key = freshAgentKey().publicKey
            var extra = Self.createBody(key).objectValue!
            extra["traits"] = .object([
                "public_key": .string(key), "voucher_code": .string("v"), "email": .string("x@y"),
            ])
            var missing = Self.createBody(key).objectValue!
            missing["traits"] = .object(["public_key": .string(key)])
            var schema = Self.createBody(key).objectValue!
            schema["schema_id"] = .string("other")
            for body in [JSONValue.object(extra), .object(missing), .object(schema), Self.createBody("ed25519:AAA")] {
                let response = try await client.json("POST", "/admin/identities", body)
                #expect(response.status == 400, "\(body.text)")
                #expect(try response.document["error"]?["status"]?.stringValue == "Bad Request")
            }
            let notJSON = try await client.request("POST", "/admin/identities", body: Array("{".utf8))
            #expect(notJSON.status == 400)
        }
    }

    @Test("lists a page at a time with a Link header; filters by credentials_identifier")
    func list() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            var keys: [String] = []
            for index in 0..<3 {
                let key = freshAgentKey().publicKey
                keys.append(key)
                #expect(
                    try await client.json("POST", "/admin/identities", Self.createBody(key, voucher: "v\(index)"))
                        .status == 201)
            }
            var seen: [String] = []
            var target: String? = "/admin/identities?page_size=2"
            while let next = target {
                let page = try await client.request("GET", next)
                #expect(page.status == 200)
                let items = try #require(try page.document.arrayValue)
                #expect(items.allSatisfy { $0["credentials"] == nil })
                seen += items.compactMap { $0["traits"]?["public_key"]?.stringValue }
                let link = try #require(page.headers["link"])
                #expect(link.contains("rel=\"first\""))
                target = Self.nextTarget(link)
            }
            #expect(seen == keys)
            let filtered = try await client.request(
                "GET", "/admin/identities?credentials_identifier=\(QueryEncoding.component(keys[1]))")
            #expect(try filtered.document.arrayValue?.count == 1)
            let badToken = try await client.request("GET", "/admin/identities?page_token=zzz")
            #expect(badToken.status == 400)
        }
    }

    @Test("get, patch /state, put, delete; patching /id or /credentials is refused")
    func lifecycle() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let key = freshAgentKey().publicKey
            let id = try #require(
                try await client.json("POST", "/admin/identities", Self.createBody(key)).document["id"]?.stringValue)
            #expect(try await client.request("GET", "/admin/identities/\(id)").status == 200)
            let missing = try await client.request("GET", "/admin/identities/\(UUID().uuidString)")
            #expect(missing.status == 404)
            #expect(
                try missing.document["error"]?["message"]?.stringValue == "The requested resource could not be found")

            let patch: JSONValue = .array([
                .object(["op": .string("replace"), "path": .string("/state"), "value": .string("inactive")]),
                .object([
                    "op": .string("add"), "path": .string("/metadata_admin"), "value": .object(["note": .string("x")]),
                ]),
            ])
            let patched = try await client.json("PATCH", "/admin/identities/\(id)", patch)
            #expect(patched.status == 200)
            #expect(try patched.document["state"]?.stringValue == "inactive")
            #expect(try patched.document["metadata_admin"]?["note"]?.stringValue == "x")
            let stored = try await server.application.identity.identities.identity(try #require(UUID(uuidString: id)))
            #expect(stored?.state == .inactive)

            for path in ["/id", "/credentials", "/credentials/password", "/state_changed_at", "/schema_id"] {
                let refused = try await client.json(
                    "PATCH", "/admin/identities/\(id)",
                    .array([.object(["op": .string("replace"), "path": .string(path), "value": .string("x")])]))
                #expect(refused.status == 400, "\(path)")
            }
            let badState = try await client.json(
                "PATCH", "/admin/identities/\(id)",
                .array([.object(["op": .string("replace"), "path": .string("/state"), "value": .string("gone")])]))
            #expect(badState.status == 400)

            var put = Self.createBody(key, voucher: "changed").objectValue!
            put["state"] = .string("active")
            let replaced = try await client.json("PUT", "/admin/identities/\(id)", .object(put))
            #expect(replaced.status == 200)
            #expect(try replaced.document["traits"]?["voucher_code"]?.stringValue == "changed")
            #expect(try replaced.document["state"]?.stringValue == "active")

            #expect(try await client.request("DELETE", "/admin/identities/\(id)").status == 204)
            #expect(try await client.request("DELETE", "/admin/identities/\(id)").status == 404)
            #expect(try await client.request("GET", "/admin/identities/\(id)").status == 404)
        }
    }

    @Test("recovery code: 201 with code, link and expiry; 404 for an unknown identity")
    func recoveryCode() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let id = try #require(
                try await client.json("POST", "/admin/identities", Self.createBody(freshAgentKey().publicKey))
                    .document["id"]?.stringValue)
            let created = try await client.json(
                "POST", "/admin/recovery/code",
                .object(["identity_id": .string(id), "flow_type": .string("api"), "expires_in": .string("15m")]))
            #expect(created.status == 201)
            let body = try created.document
            #expect(body["recovery_code"]?.stringValue?.count == 6)
            #expect(body["recovery_link"]?.stringValue?.contains("/self-service/recovery?flow=") == true)
            let expires = try #require(body["expires_at"]?.stringValue.flatMap(ISO8601Timestamp.date(from:)))
            #expect(abs(expires.timeIntervalSinceNow - 900) < 60)
            let unknown = try await client.json(
                "POST", "/admin/recovery/code", .object(["identity_id": .string(UUID().uuidString)]))
            #expect(unknown.status == 404)
            let badDuration = try await client.json(
                "POST", "/admin/recovery/code", .object(["identity_id": .string(id), "expires_in": .string("soon")]))
            #expect(badDuration.status == 400)
        }
    }

    @Test("serves the agent identity schema at /schemas, by id and by its base64url id")
    func schemas() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let list = try await client.request("GET", "/schemas")
            #expect(list.status == 200)
            let first = try #require(try list.document.arrayValue?.first)
            #expect(first["id"]?.stringValue == "moltnet_agent")
            #expect(first["schema"]?["$id"]?.stringValue?.contains("agent") == true)
            #expect(try await client.request("GET", "/schemas/bW9sdG5ldF9hZ2VudA").status == 200)
            #expect(try await client.request("GET", "/schemas/moltnet_agent").status == 200)
            #expect(try await client.request("GET", "/schemas/other").status == 404)
        }
    }

    /// The path and query of the `rel="next"` link.
    static func nextTarget(_ link: String) -> String? {
        for part in link.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let start = part.firstIndex(of: "<"), let end = part.firstIndex(of: ">") else { continue }
            let url = String(part[part.index(after: start)..<end])
            return URLComponents(string: url).map { $0.percentEncodedPath + "?" + ($0.percentEncodedQuery ?? "") }
        }
        return nil
    }
}
