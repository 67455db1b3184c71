import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("POST /oauth2/token, JWKS and OpenID discovery on the public listener", .serialized, .timeLimit(.minutes(2)))
struct OAuth2PublicRoutesTests {
    @Test("client_credentials by form, by JSON and by HTTP Basic; the token verifies against the JWKS")
    func token() async throws {
        try await TestServer.with { server in
            let api = try RawHTTPClient(port: server.application.port)
            let agent = try await server.application.identity.genesis.bootstrap(
                name: "Tok", publicKey: freshAgentKey().publicKey)
            let secret = try #require(agent.clientSecret)
            let form = try await api.form(
                "/oauth2/token",
                [("grant_type", "client_credentials"), ("client_id", agent.clientID), ("client_secret", secret)])
            #expect(form.status == 200)
            #expect(form.headers["cache-control"] == "no-store")
            let body = try form.document
            #expect(body["token_type"]?.stringValue == "bearer")
            #expect(body["expires_in"]?.integerValue == 3599)
            #expect(body["scope"]?.stringValue == "diary:read diary:write crypto:sign agent:profile")
            let token = try #require(body["access_token"]?.stringValue)

            let json = try await api.json(
                "POST", "/oauth2/token",
                .object([
                    "grant_type": .string("client_credentials"), "client_id": .string(agent.clientID),
                    "client_secret": .string(secret), "scope": .string("diary:read"),
                ]))
            #expect(json.status == 200)
            #expect(try json.document["scope"]?.stringValue == "diary:read")

            let basic = Base64.encode(
                Array("\(QueryEncoding.component(agent.clientID)):\(QueryEncoding.component(secret))".utf8))
            let viaBasic = try await api.form(
                "/oauth2/token", [("grant_type", "client_credentials")], headers: ["Authorization": "Basic \(basic)"])
            #expect(viaBasic.status == 200)

            let jwks = try await api.request("GET", "/.well-known/jwks.json")
            #expect(jwks.status == 200)
            let parts = token.split(separator: ".").map(String.init)
            let kid = try jwtSegment(parts[0])["kid"]?.stringValue
            let key = try #require(try jwks.document["keys"]?.arrayValue?.first { $0["kid"]?.stringValue == kid })
            let x = try #require(key["x"]?.stringValue.flatMap(Base64.decodeURL))
            let signature = try #require(Base64.decodeURL(parts[2]))
            #expect(
                try Ed25519PublicKey(bytes: x).isValidSignature(signature, for: Array("\(parts[0]).\(parts[1])".utf8)))
        }
    }

    @Test("OAuth2 errors: unsupported grant, missing grant, bad client, bad scope")
    func errors() async throws {
        try await TestServer.with { server in
            let api = try RawHTTPClient(port: server.application.port)
            let agent = try await server.application.identity.genesis.bootstrap(
                name: "Err", publicKey: freshAgentKey().publicKey, scopes: ["diary:read"])
            let secret = try #require(agent.clientSecret)
            let cases: [([(String, String)], Int, String)] = [
                (
                    [("grant_type", "password"), ("client_id", agent.clientID), ("client_secret", secret)], 400,
                    "unsupported_grant_type"
                ),
                ([("client_id", agent.clientID), ("client_secret", secret)], 400, "invalid_request"),
                (
                    [("grant_type", "client_credentials"), ("client_id", agent.clientID), ("client_secret", "wrong")],
                    401, "invalid_client"
                ),
                (
                    [("grant_type", "client_credentials"), ("client_id", "unknown"), ("client_secret", secret)], 401,
                    "invalid_client"
                ),
                ([("grant_type", "client_credentials")], 401, "invalid_client"),
                (
                    [
                        ("grant_type", "client_credentials"), ("client_id", agent.clientID), ("client_secret", secret),
                        ("scope", "crypto:sign"),
                    ], 400, "invalid_scope"
                ),
            ]
            for (fields, status, error) in cases {
                let response = try await api.form("/oauth2/token", fields)
                #expect(response.status == status, "\(fields)")
                #expect(try response.document["error"]?.stringValue == error)
                #expect(try response.document["error_description"]?.stringValue?.isEmpty == false)
                #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test("OpenID discovery names the token endpoint and JWKS")
    func discovery() async throws {
        try await TestServer.with { server in
            let api = try RawHTTPClient(port: server.application.port)
            let document = try await api.request("GET", "/.well-known/openid-configuration").document
            let issuer = try #require(document["issuer"]?.stringValue)
            #expect(issuer.hasSuffix("/"))
            #expect(document["token_endpoint"]?.stringValue == "\(issuer)oauth2/token")
            #expect(document["jwks_uri"]?.stringValue == "\(issuer).well-known/jwks.json")
            #expect(document["grant_types_supported"]?.stringArray == ["client_credentials"])
        }
    }
}
