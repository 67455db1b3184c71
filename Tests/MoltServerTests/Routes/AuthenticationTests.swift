import Foundation
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

@Suite("Bearer authentication failures (spec §0.1)", .timeLimit(.minutes(2)))
struct AuthenticationTests {
    @Test("missing header, another scheme and a bad token are 401 with the reference's details")
    func failures() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let cases: [(String?, String)] = [
                (nil, "Missing authorization header"),
                ("", "Missing authorization header"),
                ("Basic \(Base64.encode(Array("a:b".utf8)))", "Invalid authorization scheme"),
                ("bearer \(agent.token)", "Invalid authorization scheme"),
                ("Token \(agent.token)", "Invalid authorization scheme"),
                ("Bearer garbage", "Invalid or expired token"),
                ("Bearer a.b.c", "Invalid or expired token"),
            ]
            for (authorization, detail) in cases {
                for target in ["/diaries", "/agents/whoami", "/crypto/signing-requests"] {
                    let response = try await agent.send("GET", target, authorization: .some(authorization))
                    try expectProblem(response, 401, "unauthorized", detail: detail)
                    #expect(response.headers["www-authenticate"] == "Bearer")
                    #expect(response.headers["cache-control"] == "no-store, no-cache, must-revalidate")
                }
            }
            #expect(try await agent.get("/diaries").status == 200)
        }
    }

    @Test("a tampered token and an expired one are refused; a bad token on a public route is ignored")
    func tamperedAndExpired() async throws {
        try await TestServer.with { server in
            let agent = try await APIAgent.create(on: server)
            let parts = agent.token.split(separator: ".").map(String.init)
            #expect(parts.count == 3)
            // Another signature (flip the first character) and other claims under the old signature.
            let flipped = (parts[2].first == "A" ? "B" : "A") + parts[2].dropFirst()
            let claimBytes = try #require(Base64.decodeURL(parts[1]))
            var claims = try #require(JSONValue.parse(claimBytes))
            if case .object(var members) = claims {
                members["moltnet:fingerprint"] = "AAAA-BBBB-CCCC-DDDD"
                claims = .object(members)
            }
            let forgedClaims = Base64.encodeURL(claims.encoded)
            for token in ["\(parts[0]).\(parts[1]).\(flipped)", "\(parts[0]).\(forgedClaims).\(parts[2])"] {
                try expectProblem(
                    try await agent.send("GET", "/agents/whoami", authorization: "Bearer \(token)"), 401,
                    "unauthorized", detail: "Invalid or expired token")
            }

            // A token issued two hours ago by the same issuer, keys and client has expired.
            var configuration = IdentityConfiguration.embedded
            configuration.secretHashStrength = .minimum
            let past = IdentityServices(
                configuration: configuration, database: server.database.pool,
                publicBaseURL: server.application.configuration.publicBaseURL,
                clock: { Date().addingTimeInterval(-7200) })
            let old = try await past.oauth2.issueToken(
                clientID: agent.clientID, clientSecret: agent.clientSecret, scope: nil)
            try expectProblem(
                try await agent.send("GET", "/agents/whoami", authorization: "Bearer \(old.token)"), 401,
                "unauthorized", detail: "Invalid or expired token")
            // The same route accepts a token from the same path issued now.
            let fresh = try await server.application.identity.oauth2.issueToken(
                clientID: agent.clientID, clientSecret: agent.clientSecret, scope: nil)
            #expect(try await agent.send("GET", "/agents/whoami", authorization: "Bearer \(fresh.token)").status == 200)

            let anonymous = try await agent.send("GET", "/agents/\(agent.fingerprint)", authorization: "Bearer nope")
            #expect(anonymous.status == 200)
            #expect(try await agent.send("GET", "/public/feed", authorization: "Basic x").status == 200)
        }
    }
}
