import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Hydra admin API on the admin listener, and the public token endpoint", .serialized, .timeLimit(.minutes(2)))
struct HydraAdminAPITests {
    static func agentClientBody(identityID: String = UUID().uuidString.lowercased()) -> JSONValue {
        .object([
            "client_name": .string("Agent: TEST"), "grant_types": .strings(["client_credentials"]),
            "response_types": .array([]), "token_endpoint_auth_method": .string("client_secret_post"),
            "scope": .string(""), "redirect_uris": .strings(["http://example.test/cb"]),
            "metadata": .object([
                "type": .string("moltnet_agent"), "identity_id": .string(identityID),
                "public_key": .string("ed25519:x"), "fingerprint": .string("AAAA-BBBB-CCCC-DDDD"),
            ]),
        ])
    }

    @Test("create echoes the secret once with 201 and Location; get and list never show it")
    func create() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let created = try await client.json("POST", "/admin/clients", Self.agentClientBody())
            #expect(created.status == 201)
            let body = try created.document
            let id = try #require(body["client_id"]?.stringValue)
            #expect(created.headers["location"] == "http://127.0.0.1/admin/clients/\(id)")
            #expect(body["client_secret"]?.stringValue?.count == 43)
            #expect(body["scope"]?.stringValue == "diary:read diary:write crypto:sign agent:profile")
            #expect(body["redirect_uris"]?.stringArray == ["http://example.test/cb"])
            #expect(body["subject_type"]?.stringValue == "public")
            let fetched = try await client.request("GET", "/admin/clients/\(id)")
            #expect(fetched.status == 200)
            #expect(try fetched.document["client_secret"] == nil)
            #expect(try fetched.document["metadata"]?["fingerprint"]?.stringValue == "AAAA-BBBB-CCCC-DDDD")
            #expect(try fetched.document["redirect_uris"]?.stringArray == ["http://example.test/cb"])
            let listed = try await client.request("GET", "/admin/clients")
            #expect(try listed.document.arrayValue?.allSatisfy { $0["client_secret"] == nil } == true)

            var withID = Self.agentClientBody().objectValue!
            withID["client_id"] = .string(id)
            let duplicate = try await client.json("POST", "/admin/clients", .object(withID))
            #expect(duplicate.status == 409)
            #expect(try duplicate.document["error"]?.stringValue?.hasPrefix("Unable to insert") == true)
        }
    }

    @Test("errors use errorOAuth2: 404 unknown client, 400 bad fields")
    func errors() async throws {
        try await TestServer.with { server in
            let client = try RawHTTPClient(port: server.application.adminPort)
            let missing = try await client.request("GET", "/admin/clients/nope")
            #expect(missing.status == 404)
            #expect(try missing.document["error"]?.stringValue == "Unable to locate the resource")
            #expect(try missing.document["error_description"]?.stringValue == "")
            #expect(try await client.request("DELETE", "/admin/clients/nope").status == 404)
            let bad = try await client.json(
                "POST", "/admin/clients", .object(["grant_types": .string("client_credentials")]))
            #expect(bad.status == 400)
            #expect(try bad.document["error"]?.stringValue == "invalid_request")
            let method = try await client.json(
                "POST", "/admin/clients", .object(["token_endpoint_auth_method": .string("private_key_jwt")]))
            #expect(method.status == 400)
        }
    }

    @Test("a client whose metadata names no identity gets no token")
    func unknownIdentity() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            let created = try await admin.json("POST", "/admin/clients", Self.agentClientBody()).document
            let response = try await RawHTTPClient(port: server.application.port).form(
                "/oauth2/token",
                [
                    ("grant_type", "client_credentials"),
                    ("client_id", try #require(created["client_id"]?.stringValue)),
                    ("client_secret", try #require(created["client_secret"]?.stringValue)),
                ])
            #expect(response.status == 401)
        }
    }

    @Test("PUT with a new secret rotates it: the old one gives 401 invalid_client at /oauth2/token")
    func rotateWithPut() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            let api = try RawHTTPClient(port: server.application.port)
            var body = Self.agentClientBody().objectValue!
            body["metadata"] = nil
            let created = try await admin.json("POST", "/admin/clients", .object(body)).document
            let id = try #require(created["client_id"]?.stringValue)
            let oldSecret = try #require(created["client_secret"]?.stringValue)
            let form = { (secret: String) in
                [("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret)]
            }
            #expect(try await api.form("/oauth2/token", form(oldSecret)).status == 200)

            var replacement = try await admin.request("GET", "/admin/clients/\(id)").document.objectValue!
            replacement["client_secret"] = .string("rotated-secret-0001")
            replacement["client_name"] = .string("renamed")
            let put = try await admin.json("PUT", "/admin/clients/\(id)", .object(replacement))
            #expect(put.status == 200)
            #expect(try put.document["client_secret"]?.stringValue == "rotated-secret-0001")
            #expect(try put.document["client_name"]?.stringValue == "renamed")

            let old = try await api.form("/oauth2/token", form(oldSecret))
            #expect(old.status == 401)
            #expect(try old.document["error"]?.stringValue == "invalid_client")
            #expect(try await api.form("/oauth2/token", form("rotated-secret-0001")).status == 200)

            replacement["client_secret"] = nil
            let keep = try await admin.json("PUT", "/admin/clients/\(id)", .object(replacement))
            #expect(try keep.document["client_secret"] == nil)
            #expect(try await api.form("/oauth2/token", form("rotated-secret-0001")).status == 200)
        }
    }

    @Test("PATCH applies a JSON Patch; client_id cannot change; DELETE is 204")
    func patchAndDelete() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            let id = try #require(
                try await admin.json("POST", "/admin/clients", Self.agentClientBody()).document["client_id"]?
                    .stringValue)
            let patched = try await admin.json(
                "PATCH", "/admin/clients/\(id)",
                .array([.object(["op": .string("replace"), "path": .string("/scope"), "value": .string("diary:read")])])
            )
            #expect(patched.status == 200)
            #expect(try patched.document["scope"]?.stringValue == "diary:read")
            #expect(try patched.document["client_secret"] == nil)
            let renamed = try await admin.json(
                "PATCH", "/admin/clients/\(id)",
                .array([.object(["op": .string("replace"), "path": .string("/client_id"), "value": .string("x")])]))
            #expect(renamed.status == 400)
            #expect(try await admin.request("DELETE", "/admin/clients/\(id)").status == 204)
            #expect(try await admin.request("GET", "/admin/clients/\(id)").status == 404)
        }
    }

    @Test("lists clients a page at a time with Link, filtered by client_name")
    func list() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            for name in ["a", "b", "c"] {
                var body = Self.agentClientBody().objectValue!
                body["client_name"] = .string(name)
                #expect(try await admin.json("POST", "/admin/clients", .object(body)).status == 201)
            }
            var names: [String] = []
            var target: String? = "/admin/clients?page_size=2"
            while let next = target {
                let page = try await admin.request("GET", next)
                names += try page.document.arrayValue?.compactMap { $0["client_name"]?.stringValue } ?? []
                target = KratosAdminController.nextLinkTarget(page.headers["link"] ?? "")
            }
            #expect(names == ["a", "b", "c"])
            let filtered = try await admin.request("GET", "/admin/clients?client_name=b")
            #expect(try filtered.document.arrayValue?.count == 1)
        }
    }

    @Test("introspection: active with ext claims for a good token, {active:false} otherwise, 400 without one")
    func introspection() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            let genesis = try await server.application.identity.genesis.bootstrap(
                name: "Intro", publicKey: freshAgentKey().publicKey)
            let token = try await server.application.identity.oauth2.issueToken(
                clientID: genesis.clientID, clientSecret: try #require(genesis.clientSecret), scope: nil)
            let active = try await admin.form("/admin/oauth2/introspect", [("token", token.token)])
            #expect(active.status == 200)
            let body = try active.document
            #expect(body["active"]?.boolValue == true)
            #expect(body["client_id"]?.stringValue == genesis.clientID)
            #expect(body["sub"]?.stringValue == genesis.clientID)
            #expect(body["token_use"]?.stringValue == "access_token")
            #expect(body["ext"]?["moltnet:fingerprint"]?.stringValue == genesis.fingerprint)
            #expect(body["ext"]?["moltnet:identity_id"]?.stringValue == genesis.identityID.uuidString.lowercased())
            let scoped = try await admin.form("/admin/oauth2/introspect", [("token", token.token), ("scope", "admin")])
            #expect(try scoped.document == .object(["active": .bool(false)]))
            let junk = try await admin.form("/admin/oauth2/introspect", [("token", "junk")])
            #expect(junk.status == 200)
            #expect(try junk.document == .object(["active": .bool(false)]))
            #expect(try await admin.form("/admin/oauth2/introspect", []).status == 400)
        }
    }
}

extension KratosAdminController {
    /// The path and query of a `Link` header's `rel="next"`, for tests.
    static func nextLinkTarget(_ link: String) -> String? {
        KratosAdminAPITests.nextTarget(link)
    }
}
