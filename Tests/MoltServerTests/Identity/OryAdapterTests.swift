import Foundation
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltServer

@Suite(
    "The protocol contract, embedded and through the Ory adapters against the admin listener", .serialized,
    .timeLimit(.minutes(3)))
struct OryAdapterTests {
    @Test("embedded services pass the contract")
    func embedded() async throws {
        try await EmbeddedFixture.with { fixture in
            try await ProviderContract.identities(fixture.identities)
            try await ProviderContract.oauth2(fixture.oauth2, identities: fixture.identities)
            try await ProviderContract.permissions(fixture.permissions)
        }
    }

    @Test("the Kratos, Hydra and Keto adapters pass the same contract over HTTP")
    func ory() async throws {
        try await TestServer.with { server in
            let admin = server.adminBaseURL
            let services = IdentityServices(
                configuration: IdentityConfiguration(
                    kratosAdminURL: admin, hydraAdminURL: admin, hydraPublicURL: server.baseURL, ketoReadURL: admin,
                    ketoWriteURL: admin, apiKey: "ory-project-key"),
                database: server.database.pool, publicBaseURL: "http://127.0.0.1:9")
            #expect(
                services.embeddedIdentities == nil && services.embeddedOAuth2 == nil
                    && services.embeddedPermissions == nil)
            #expect(services.identities is OryIdentityProvider)
            try await ProviderContract.identities(services.identities)
            try await ProviderContract.oauth2(services.oauth2, identities: services.identities)
            try await ProviderContract.permissions(services.permissions)
        }
    }

    @Test("Ory introspection is cached briefly and falls back to the client's metadata for identity claims")
    func introspectionCacheAndFallback() async throws {
        try await TestServer.with { server in
            let embedded = server.application.identity
            let key = freshAgentKey()
            let identity = try await embedded.identities.createIdentity(
                NewIdentity(publicKey: key.publicKey, voucherCode: "v", fingerprint: key.fingerprint))
            let client = try await embedded.oauth2.createClient(NewOAuth2Client(name: "late metadata"))
            let token = try await embedded.oauth2.issueToken(
                clientID: client.id, clientSecret: try #require(client.secret), scope: nil)
            _ = try await embedded.oauth2.updateClient(
                client.id,
                OAuth2ClientUpdate(
                    metadata: OAuth2ClientMetadata(
                        identityID: identity.id, publicKey: key.publicKey, fingerprint: key.fingerprint)))

            let cached = OryOAuth2Provider(adminURL: server.adminBaseURL, publicURL: server.baseURL, cacheLifetime: 60)
            let uncached = OryOAuth2Provider(adminURL: server.adminBaseURL, publicURL: server.baseURL, cacheLifetime: 0)
            let first = try await cached.introspect(token.token)
            #expect(first.active && first.identityID == identity.id && first.fingerprint == key.fingerprint)
            let context = try await BearerAuthenticator(oauth2: cached).authenticate(token: token.token)
            #expect(context.identityID == identity.id && context.clientID == client.id)

            try await embedded.oauth2.deleteClient(client.id)
            #expect(try await cached.introspect(token.token).active)
            #expect(try await uncached.introspect(token.token) == .inactive)
        }
    }

    @Test("an unreachable Ory is unavailable, and authentication says so")
    func unreachable() async throws {
        let identities = OryIdentityProvider(adminURL: "http://127.0.0.1:1")
        let error = await #expect(throws: IdentityError.self) { _ = try await identities.identity(UUID()) }
        #expect(error?.code == .unavailable)
        let authenticator = BearerAuthenticator(oauth2: OryOAuth2Provider(adminURL: "http://127.0.0.1:1"))
        await #expect(throws: BearerAuthenticationError.unavailable) {
            _ = try await authenticator.authenticate(token: "some-token")
        }
    }

    @Test("the ORY_* variables choose the services, with the project URL as the fallback")
    func configuration() throws {
        #expect(try IdentityConfiguration(environment: [:]) == .embedded)
        #expect(IdentityConfiguration.embedded.summary == "embedded")
        let project = try IdentityConfiguration(
            environment: ["ORY_PROJECT_URL": "https://project.example/", "ORY_API_KEY": "key"])
        #expect(
            project.kratosAdminURL == "https://project.example" && project.ketoWriteURL == "https://project.example")
        #expect(project.hydraPublicURL == "https://project.example" && project.apiKey == "key")
        let printed = String(describing: ServerConfiguration(identity: project))
        #expect(printed.contains("<redacted>") && !printed.contains("\"key\""))
        let split = try IdentityConfiguration(
            environment: [
                "ORY_KETO_READ_URL": "http://127.0.0.1:4466", "ORY_KETO_WRITE_URL": "http://127.0.0.1:4467",
                "ORY_HYDRA_ADMIN_URL": "http://127.0.0.1:4445",
            ])
        #expect(split.kratosAdminURL == nil && split.hydraPublicURL == "http://127.0.0.1:4445")
        #expect(split.ketoReadURL == "http://127.0.0.1:4466" && split.ketoWriteURL == "http://127.0.0.1:4467")
        #expect(split.summary == "hydra,keto")
        #expect(throws: (any Error).self) { try IdentityConfiguration(environment: ["ORY_PROJECT_URL": "ftp://x"]) }
        let commandLine = try ServerCommandLine(arguments: [], environment: ["ORY_KRATOS_ADMIN_URL": "http://k:4434"])
        #expect(commandLine.configuration.identity.kratosAdminURL == "http://k:4434")
    }
}
