import MoltCore
import Foundation
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("POST /admin/moltnet/genesis on the admin listener", .serialized, .timeLimit(.minutes(2)))
struct GenesisAPITests {
    @Test("201 with the secret the first time, 200 without it for the same key; 400 for bad input")
    func genesis() async throws {
        try await TestServer.with { server in
            let admin = try RawHTTPClient(port: server.application.adminPort)
            let key = freshAgentKey()
            let body: JSONValue = .object([
                "name": .string("Genesis-1"), "public_key": .string(key.publicKey),
                "scopes": .strings(["diary:read", "diary:write"]),
            ])
            let first = try await admin.json("POST", "/admin/moltnet/genesis", body)
            #expect(first.status == 201)
            let created = try first.document
            #expect(created["fingerprint"]?.stringValue == key.fingerprint)
            #expect(created["client_name"]?.stringValue == "Genesis: Genesis-1")
            #expect(created["scope"]?.stringValue == "diary:read diary:write")
            #expect(created["created"]?.boolValue == true)
            let secret = try #require(created["client_secret"]?.stringValue)

            let repeated = try await admin.json("POST", "/admin/moltnet/genesis", body)
            #expect(repeated.status == 200)
            #expect(try repeated.document["client_secret"] == .null)
            #expect(try repeated.document["client_id"] == created["client_id"])

            let token = try await RawHTTPClient(port: server.application.port).form(
                "/oauth2/token",
                [
                    ("grant_type", "client_credentials"),
                    ("client_id", try #require(created["client_id"]?.stringValue)),
                    ("client_secret", secret),
                ])
            #expect(token.status == 200)

            for bad in [
                JSONValue.object(["name": .string("x")]),
                .object(["name": .string("x"), "public_key": .string("ed25519:nope")]),
                .object(["name": .string("x"), "public_key": .string(freshAgentKey().publicKey), "scopes": .integer(3)]
                ),
            ] {
                let response = try await admin.json("POST", "/admin/moltnet/genesis", bad)
                #expect(response.status == 400, "\(bad.text)")
                #expect(try response.document["error"]?["code"]?.integerValue == 400)
            }
        }
    }
}
