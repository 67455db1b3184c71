import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite("Embedded OAuth2 provider: clients, secrets and EdDSA access tokens", .serialized, .timeLimit(.minutes(2)))
struct EmbeddedOAuth2ProviderTests {
    @Test("creates a client with a generated 32-byte url-safe secret, stored only as an argon2id hash")
    func createClient() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let secret = agent.secret
            #expect(secret.count == 43)
            #expect(Base64.decodeURL(secret)?.count == 32)
            #expect(agent.client.scope == EmbeddedOAuth2Provider.defaultScope)
            #expect(agent.client.tokenEndpointAuthMethod == "client_secret_post")
            let stored = try #require(
                try await fixture.database.pool.query(
                    "SELECT secret_hash, secret_version FROM oauth2_clients WHERE id = \(agent.client.id)"
                ).first)
            let hash = try stored.decode("secret_hash", as: String.self)
            #expect(hash.hasPrefix("$argon2id$"))
            #expect(!hash.contains(secret))
            #expect(try stored.decode("secret_version", as: Int.self) == 1)
            let fetched = try #require(try await fixture.oauth2.client(agent.client.id))
            #expect(fetched.secret == nil)
            #expect(fetched.metadata?.identityID == agent.identity.id)
            #expect(try await fixture.oauth2.clients(forIdentity: agent.identity.id).map(\.id) == [agent.client.id])
        }
    }

    @Test("by default secrets are hashed at libsodium's interactive cost (t=2, 64 MiB)")
    func productionHashCost() async throws {
        try await EmbeddedFixture.with { fixture in
            let services = IdentityServices(
                configuration: .embedded, database: fixture.database.pool, publicBaseURL: EmbeddedFixture.publicBaseURL)
            let client = try await services.oauth2.createClient(NewOAuth2Client(name: "cost"))
            let hash = try await fixture.database.pool.query(
                "SELECT secret_hash FROM oauth2_clients WHERE id = \(client.id)"
            ).first?.decode("secret_hash", as: String.self)
            #expect(hash?.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$") == true)
            _ = try await services.oauth2.issueToken(
                clientID: client.id, clientSecret: try #require(client.secret), scope: nil)
        }
    }

    @Test("issues a one-hour EdDSA JWT with the reference's claims, top level and under ext")
    func issueToken() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            #expect(token.expiresIn == 3599)
            #expect(token.scope == EmbeddedOAuth2Provider.defaultScope)
            let parts = token.token.split(separator: ".").map(String.init)
            #expect(parts.count == 3)
            let header = try jwtSegment(parts[0])
            #expect(header["alg"]?.stringValue == "EdDSA")
            #expect(header["typ"]?.stringValue == "JWT")
            let claims = try jwtSegment(parts[1])
            let now = Int64(fixture.clock.now().timeIntervalSince1970)
            #expect(claims["iss"]?.stringValue == "http://127.0.0.1:8000/")
            #expect(claims["sub"]?.stringValue == agent.client.id)
            #expect(claims["client_id"]?.stringValue == agent.client.id)
            #expect(claims["aud"] == .array([]))
            #expect(claims["iat"]?.integerValue == now && claims["nbf"]?.integerValue == now)
            #expect(claims["exp"]?.integerValue == now + 3600)
            #expect(claims["jti"]?.stringValue.flatMap(UUID.init(uuidString:)) != nil)
            #expect(claims["scp"]?.stringArray == ["diary:read", "diary:write", "crypto:sign", "agent:profile"])
            for (key, value) in [
                ("moltnet:identity_id", agent.id), ("moltnet:public_key", agent.identity.publicKey),
                ("moltnet:fingerprint", agent.identity.fingerprint),
            ] {
                #expect(claims[key]?.stringValue == value)
                #expect(claims["ext"]?[key]?.stringValue == value)
            }
            let keys = try await fixture.oauth2.jsonWebKeys()
            let key = try #require(keys.first { $0.kid == header["kid"]?.stringValue })
            #expect(key.kty == "OKP" && key.crv == "Ed25519" && key.alg == "EdDSA" && key.use == "sig")
            let xBytes = try #require(Base64.decodeURL(key.x))
            let publicKey = try Ed25519PublicKey(bytes: xBytes)
            let signature = try #require(Base64.decodeURL(parts[2]))
            #expect(publicKey.isValidSignature(signature, for: Array("\(parts[0]).\(parts[1])".utf8)))
        }
    }

    @Test("introspection gives the identity; the token expires after an hour and is not valid before nbf")
    func introspectionAndExpiry() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: "diary:read")
            let active = try await fixture.oauth2.introspect(token.token)
            #expect(active.active)
            #expect(active.clientID == agent.client.id)
            #expect(active.scope == "diary:read")
            #expect(active.identityID == agent.identity.id)
            #expect(active.publicKey == agent.identity.publicKey)
            #expect(active.fingerprint == agent.identity.fingerprint)
            let context = try await fixture.services.authenticator.authenticate(authorization: "Bearer \(token.token)")
            #expect(context.identityID == agent.identity.id && context.scopes == ["diary:read"])

            fixture.clock.advance(seconds: -1)
            #expect(try await fixture.oauth2.introspect(token.token) == .inactive)
            fixture.clock.advance(seconds: 1 + 3599)
            #expect(try await fixture.oauth2.introspect(token.token).active)
            fixture.clock.advance(seconds: 1)
            #expect(try await fixture.oauth2.introspect(token.token) == .inactive)
            await #expect(throws: BearerAuthenticationError.invalidToken) {
                _ = try await fixture.services.authenticator.authenticate(authorization: "Bearer \(token.token)")
            }
        }
    }

    @Test("tampered tokens are inactive: changed payload, alg none, another key, truncated, garbage")
    func tampered() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil
            ).token
            let parts = token.split(separator: ".").map(String.init)
            var claims = try #require(try jwtSegment(parts[1]).objectValue)
            claims["scp"] = .strings(["admin"])
            let changedPayload = "\(parts[0]).\(Base64.encodeURL(JSONValue.object(claims).encoded)).\(parts[2])"
            let noneHeader = Base64.encodeURL(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
            let algNone = "\(noneHeader).\(parts[1])."
            let algNoneSigned = "\(noneHeader).\(parts[1]).\(parts[2])"
            let kid = try #require(try jwtSegment(parts[0])["kid"]?.stringValue)
            let otherKey = JSONWebToken.sign(
                claims: try jwtSegment(parts[1]), kid: kid,
                key: Ed25519PrivateKey.generate())
            let hs256 = Base64.encodeURL(Array(#"{"alg":"HS256","kid":"\#(kid)","typ":"JWT"}"#.utf8))
            let variants = [
                changedPayload, algNone, algNoneSigned, otherKey, "\(hs256).\(parts[1]).\(parts[2])",
                String(token.dropLast(5)), "\(parts[0]).\(parts[1])", parts[1], "", "not a token",
                token + "x", String(repeating: "a", count: 9000),
            ]
            for variant in variants {
                #expect(try await fixture.oauth2.introspect(variant) == .inactive, "accepted: \(variant.prefix(40))")
            }
            #expect(try await fixture.oauth2.introspect(token).active)
        }
    }

    @Test("wrong secrets, unknown clients and scopes the client lacks are refused")
    func refusals() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent(scope: "diary:read crypto:sign")
            for (id, secret) in [
                (agent.client.id, "wrong-secret"), (agent.client.id, ""), (agent.client.id, agent.secret + "x"),
                ("no-such-client", agent.secret),
            ] {
                let error = await #expect(throws: IdentityError.self) {
                    _ = try await fixture.oauth2.issueToken(clientID: id, clientSecret: secret, scope: nil)
                }
                #expect(error?.code == .unauthorized)
            }
            let scope = await #expect(throws: IdentityError.self) {
                _ = try await fixture.oauth2.issueToken(
                    clientID: agent.client.id, clientSecret: agent.secret, scope: "diary:read diary:write")
            }
            #expect(scope?.code == .invalid)
            let narrowed = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: "crypto:sign crypto:sign")
            #expect(narrowed.scope == "crypto:sign")
        }
    }

    @Test("a rotated secret works at once and the old one stops working; metadata and name survive")
    func rotation() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let rotated = try await fixture.oauth2.updateClient(
                agent.client.id, OAuth2ClientUpdate(newSecret: "a-brand-new-secret-value"))
            #expect(rotated.secret == "a-brand-new-secret-value")
            #expect(rotated.metadata == agent.client.metadata)
            #expect(rotated.name == agent.client.name)
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.oauth2.issueToken(
                    clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            }
            _ = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: "a-brand-new-secret-value", scope: nil)
            let version = try await fixture.database.pool.query(
                "SELECT secret_version FROM oauth2_clients WHERE id = \(agent.client.id)"
            ).first?.decode("secret_version", as: Int.self)
            #expect(version == 2)
            let renamed = try await fixture.oauth2.updateClient(agent.client.id, OAuth2ClientUpdate(name: "renamed"))
            #expect(renamed.secret == nil && renamed.name == "renamed")
            await #expect(throws: IdentityError.self) {
                _ = try await fixture.oauth2.updateClient(agent.client.id, OAuth2ClientUpdate(newSecret: "short"))
            }
        }
    }

    @Test("an inactive identity cannot get tokens and its tokens stop verifying; so do a deleted client's")
    func inactiveIdentityAndDeletedClient() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let token = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            _ = try await fixture.identities.setState(agent.identity.id, .inactive)
            #expect(try await fixture.oauth2.introspect(token.token) == .inactive)
            let refused = await #expect(throws: IdentityError.self) {
                _ = try await fixture.oauth2.issueToken(
                    clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            }
            #expect(refused?.code == .unauthorized)
            _ = try await fixture.identities.setState(agent.identity.id, .active)
            #expect(try await fixture.oauth2.introspect(token.token).active)

            try await fixture.oauth2.deleteClient(agent.client.id)
            #expect(try await fixture.oauth2.introspect(token.token) == .inactive)
            #expect(try await fixture.oauth2.client(agent.client.id) == nil)
            let missing = await #expect(throws: IdentityError.self) {
                try await fixture.oauth2.deleteClient(agent.client.id)
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("a client without an identity gets tokens without moltnet claims; authentication refuses them")
    func clientWithoutIdentity() async throws {
        try await EmbeddedFixture.with { fixture in
            let client = try await fixture.oauth2.createClient(
                NewOAuth2Client(id: "service-client", secret: "service-secret", name: "service", scope: "x y"))
            #expect(client.id == "service-client" && client.secret == "service-secret")
            let token = try await fixture.oauth2.issueToken(
                clientID: client.id, clientSecret: "service-secret", scope: "y")
            let introspection = try await fixture.oauth2.introspect(token.token)
            #expect(introspection.active && introspection.identityID == nil)
            await #expect(throws: BearerAuthenticationError.invalidToken) {
                _ = try await fixture.services.authenticator.authenticate(token: token.token)
            }
            let duplicate = await #expect(throws: IdentityError.self) {
                _ = try await fixture.oauth2.createClient(NewOAuth2Client(id: "service-client", name: "again"))
            }
            #expect(duplicate?.code == .conflict)
        }
    }

    @Test("the bearer header must be exactly `Bearer <token>`")
    func bearerHeader() async throws {
        try await EmbeddedFixture.with { fixture in
            let authenticator = fixture.services.authenticator
            await #expect(throws: BearerAuthenticationError.missingHeader) {
                _ = try await authenticator.authenticate(authorization: nil)
            }
            await #expect(throws: BearerAuthenticationError.invalidScheme) {
                _ = try await authenticator.authenticate(authorization: "bearer abc")
            }
            await #expect(throws: BearerAuthenticationError.invalidToken) {
                _ = try await authenticator.authenticate(authorization: "Bearer abc")
            }
            #expect(BearerAuthenticationError.invalidToken.detail == "Invalid or expired token")
        }
    }

    @Test("a rotated signing key still verifies old tokens; both keys are published")
    func signingKeyRotation() async throws {
        try await EmbeddedFixture.with { fixture in
            let agent = try await fixture.agent()
            let old = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            try await fixture.oauth2.rotateSigningKey()
            let new = try await fixture.oauth2.issueToken(
                clientID: agent.client.id, clientSecret: agent.secret, scope: nil)
            #expect(try await fixture.oauth2.jsonWebKeys().count == 2)
            #expect(try await fixture.oauth2.introspect(old.token).active)
            #expect(try await fixture.oauth2.introspect(new.token).active)
            let restarted = EmbeddedOAuth2Provider(
                database: fixture.database.pool, identities: fixture.identities, issuer: "http://127.0.0.1:8000/",
                clock: fixture.clock.now)
            #expect(try await restarted.introspect(old.token).active)
        }
    }
}
