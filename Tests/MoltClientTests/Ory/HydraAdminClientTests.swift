import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Hydra's OAuth2 client admin API and introspection against `moltnetd`'s admin listener, through a forwarding
/// listener that keeps the exact requests the client sent.
@Suite("Ory Hydra admin client", .timeLimit(.minutes(2)))
struct HydraAdminClientTests {
    static func agentClient(_ fingerprint: String) -> HydraOAuth2Client {
        HydraOAuth2Client(
            clientName: "Agent: \(fingerprint)", grantTypes: ["client_credentials"], responseTypes: [], scope: "",
            tokenEndpointAuthMethod: "client_secret_post",
            metadata: [
                "type": "moltnet_agent", "identity_id": "3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01",
                "fingerprint": .string(fingerprint),
            ])
    }

    @Test("creates, gets, lists, replaces and deletes OAuth2 clients; errors are errorOAuth2")
    func clientLifecycle() async throws {
        try await TestServer.with { moltnetd in
            try await LoopbackServer.with(handler: ForwardingHandler.to(moltnetd.adminBaseURL)) { server in
                try await Self.clientLifecycle(server)
            }
        }
    }

    private static func clientLifecycle(_ server: LoopbackServer) async throws {
        do {
            let hydra = OryAdminClient(endpoints: OryEndpoints(adminURL: server.baseURL)).hydra
            let created = try await hydra.createClient(Self.agentClient("21FE-31DF-A154-A261"))
            let createBody = String(decoding: try #require(server.requests.last).body, as: UTF8.self)
            #expect(
                createBody
                    == #"{"client_name":"Agent: 21FE-31DF-A154-A261","grant_types":["client_credentials"],"#
                    + #""metadata":{"fingerprint":"21FE-31DF-A154-A261","identity_id":"3f1c2a9e-7b4d-4e8a-9c21-5d6f7a8b9c01","#
                    + #""type":"moltnet_agent"},"response_types":[],"scope":"","token_endpoint_auth_method":"client_secret_post"}"#
            )
            let id = try #require(created.clientId)
            let secret = try #require(created.clientSecret?.value)
            #expect(secret.count >= 26)
            #expect(created.scope == "diary:read diary:write crypto:sign agent:profile")
            #expect(created.additionalProperties["skip_consent"] == false)
            #expect(!"\(created)".contains(secret))
            _ = try await hydra.createClient(Self.agentClient("AAAA-BBBB-CCCC-DDDD"))
            _ = try await hydra.createClient(Self.agentClient("1111-2222-3333-4444"))

            let fetched = try await hydra.client(id)
            #expect(fetched.clientSecret == nil)
            #expect(fetched.metadataValue("fingerprint") == "21FE-31DF-A154-A261")
            #expect(fetched.createdAt != nil && fetched.subjectType == "public")

            var names: [String] = []
            var page = try await hydra.clients(pageSize: 2)
            names += page.items.compactMap(\.clientName)
            while let token = page.nextPageToken {
                page = try await hydra.clients(pageSize: 2, pageToken: token)
                names += page.items.compactMap(\.clientName)
            }
            #expect(
                Set(names).isSuperset(of: [
                    "Agent: 21FE-31DF-A154-A261", "Agent: AAAA-BBBB-CCCC-DDDD", "Agent: 1111-2222-3333-4444",
                ]) && names.count == Set(names).count)
            let named = try await hydra.clients(clientName: "Agent: AAAA-BBBB-CCCC-DDDD")
            #expect(named.items.count == 1 && named.nextPageToken == nil)

            var rotated = fetched
            rotated.clientSecret = Secret("new-secret")
            let replaced = try await hydra.updateClient(rotated)
            let putRequest = try #require(server.requests.last)
            #expect(putRequest.methodName == "PUT" && putRequest.path == "/admin/clients/\(id)")
            let putBody = try JSONCoding.decode(JSONValue.self, from: Data(putRequest.body))
            #expect(putBody.member("client_secret") == "new-secret" && putBody.member("skip_consent") == false)
            #expect(putBody.member("created_at") == nil)
            #expect(replaced.clientSecret?.value == "new-secret")
            let missingID = await #expect(throws: MoltClientError.self) {
                _ = try await hydra.updateClient(HydraOAuth2Client())
            }
            #expect(missingID?.method == .put)

            try await hydra.deleteClient(id)
            let gone = await #expect(throws: OryError.self) { _ = try await hydra.client(id) }
            #expect(gone?.service == .hydra && gone?.status == 404)
            #expect(gone?.oauth2?.error == .unknown("Unable to locate the resource"))
            #expect(gone?.description == "Unable to locate the resource")
            #expect(gone?.generic == nil)
        }
    }

    @Test("introspection sends the token as a form and decodes active and inactive answers")
    func introspection() async throws {
        try await TestServer.with { moltnetd in
            try await LoopbackServer.with(handler: ForwardingHandler.to(moltnetd.adminBaseURL)) { server in
                let hydra = OryAdminClient(endpoints: OryEndpoints(adminURL: server.baseURL)).hydra
                let client = try await hydra.createClient(
                    HydraOAuth2Client(
                        clientName: "Agent: introspected", grantTypes: ["client_credentials"], responseTypes: [],
                        scope: "", tokenEndpointAuthMethod: "client_secret_post", metadata: ["type": "moltnet_agent"]))
                let clientID = try #require(client.clientId)
                let token = try await MoltAPIClient(baseURL: moltnetd.baseURL).token(
                    for: ClientCredentials(clientID: clientID, clientSecret: try #require(client.clientSecret)))
                let active = try await hydra.introspect(token: token.accessToken, scope: "diary:read")
                let request = try #require(server.requests.last)
                #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
                let form = String(decoding: request.body, as: UTF8.self)
                #expect(form.hasPrefix("token=") && form.hasSuffix("&scope=diary%3Aread"))
                #expect(active.active && active.clientId == clientID && active.tokenUse == "access_token")
                #expect(active.expiresAt.map { $0 > Date() } == true)
                let inactive = try await hydra.introspect(token: Secret("ory_at_expired"))
                #expect(!inactive.active && inactive.clientId == nil)
            }
        }
    }
}
