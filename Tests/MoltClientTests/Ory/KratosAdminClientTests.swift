import Foundation
import MoltClient
import MoltCore
import MoltServer
import MoltTestSupport
import Testing

/// Kratos's identity admin API against `moltnetd`'s admin listener, through a forwarding listener that keeps
/// the exact requests the client sent.
@Suite("Ory Kratos admin client", .timeLimit(.minutes(2)))
struct KratosAdminClientTests {
    static let keys = [
        "ed25519:11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "ed25519:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "ed25519:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
    ]

    static func agent(_ key: String) -> KratosCreateIdentity {
        KratosCreateIdentity(
            schemaId: "moltnet_agent",
            traits: ["public_key": .string(key), "voucher_code": .string(String(repeating: "ab", count: 32))],
            password: Secret("moltnet-\(key.suffix(6))"))
    }

    @Test("creates, gets, lists page by page, patches, recovers and deletes identities")
    func identityLifecycle() async throws {
        try await TestServer.with { moltnetd in
            try await LoopbackServer.with(handler: ForwardingHandler.to(moltnetd.adminBaseURL)) { server in
                try await Self.identityLifecycle(server)
            }
        }
    }

    private static func identityLifecycle(_ server: LoopbackServer) async throws {
        do {
            let kratos = OryAdminClient(endpoints: OryEndpoints(adminURL: server.baseURL + "/")).kratos
            var created: [KratosIdentity] = []
            for key in Self.keys { created.append(try await kratos.createIdentity(Self.agent(key))) }
            let createRequest = try #require(server.requests.first)
            #expect(createRequest.methodName == "POST" && createRequest.path == "/admin/identities")
            #expect(createRequest.headers["Content-Type"] == "application/json")
            let password = "moltnet-" + Self.keys[0].suffix(6)
            #expect(
                String(decoding: createRequest.body, as: UTF8.self)
                    == #"{"credentials":{"password":{"config":{"password":"\#(password)"}}},"schema_id":"moltnet_agent","#
                    + #""traits":{"public_key":"\#(Self.keys[0])","voucher_code":"\#(String(repeating: "ab", count: 32))"}}"#
            )
            let first = created[0]
            #expect(first.schemaId == "moltnet_agent" && first.state == .active)
            #expect(first.trait("public_key") == Self.keys[0])
            #expect(first.credentials?["password"]?.identifiers == [Self.keys[0]])
            #expect(first.credentials?["password"]?.config == nil)
            #expect(first.createdAt.map { abs($0.timeIntervalSinceNow) < 300 } == true)

            let withHash = try await kratos.identity(first.id, includeCredentials: ["password"])
            #expect(
                server.requests.last?.target
                    == "/admin/identities/\(first.id.uuidString.lowercased())?include_credential=password")
            // Passwords are accepted and discarded (docs/identity.md): there is no hash to include.
            #expect(withHash.credentials?["password"]?.identifiers == [Self.keys[0]])
            #expect(withHash.credentials?["password"]?.config == nil)

            var seen: [UUID] = []
            var page = try await kratos.identities(pageSize: 2)
            seen += page.items.map(\.id)
            #expect(page.items.allSatisfy { $0.credentials == nil })
            while let token = page.nextPageToken {
                page = try await kratos.identities(pageSize: 2, pageToken: token)
                seen += page.items.map(\.id)
            }
            #expect(Set(created.map(\.id)).isSubset(of: Set(seen)) && seen.count == Set(seen).count)
            #expect(server.requests.last?.target.hasPrefix("/admin/identities?page_size=2&page_token=") == true)
            let byKey = try await kratos.identities(credentialsIdentifier: Self.keys[1])
            #expect(byKey.items.map(\.id) == [created[1].id] && byKey.nextPageToken == nil)
            let byIDs = try await kratos.identities(ids: [created[2].id, created[0].id])
            #expect(Set(byIDs.items.map(\.id)) == [created[0].id, created[2].id])

            let inactive = try await kratos.setState(.inactive, of: first.id)
            #expect(inactive.state == .inactive)
            #expect(
                String(decoding: server.requests.last?.body ?? [], as: UTF8.self)
                    == #"[{"op":"replace","path":"/state","value":"inactive"}]"#)
            let refused = await #expect(throws: OryError.self) {
                _ = try await kratos.patchIdentity(first.id, [.replace("/id", with: "other")])
            }
            #expect(refused?.status == 400 && refused?.service == .kratos)
            #expect(refused?.generic?.message == "The request was malformed or contained invalid parameters")
            #expect(refused?.description.hasSuffix("patching /id is not allowed") == true)

            let code = try await kratos.createRecoveryCode(for: first.id, expiresIn: "1h")
            let recoveryCode = code.recoveryCode.value
            #expect(!recoveryCode.isEmpty && code.recoveryLink.contains("flow="))
            #expect(!"\(code)".contains(recoveryCode))
            #expect(
                String(decoding: server.requests.last?.body ?? [], as: UTF8.self)
                    == #"{"expires_in":"1h","flow_type":"api","identity_id":"\#(first.id.uuidString.lowercased())"}"#)

            #expect(try await kratos.identitySchemas().map(\.id) == ["moltnet_agent"])

            let duplicate = await #expect(throws: OryError.self) {
                _ = try await kratos.createIdentity(Self.agent(Self.keys[1]))
            }
            #expect(duplicate?.status == 409)
            #expect(duplicate?.reason == "This identity conflicts with another identity that already exists.")

            try await kratos.deleteIdentity(first.id)
            #expect(server.requests.last?.methodName == "DELETE")
            let gone = await #expect(throws: OryError.self) { _ = try await kratos.identity(first.id) }
            #expect(gone?.status == 404 && gone?.message == "The requested resource could not be found")
            #expect(gone?.generic?.code == 404 && gone?.generic?.status == "Not Found")
            let goneAgain = await #expect(throws: OryError.self) { try await kratos.deleteIdentity(first.id) }
            #expect(goneAgain?.status == 404)
            let noCode = await #expect(throws: OryError.self) { _ = try await kratos.createRecoveryCode(for: first.id) }
            #expect(noCode?.status == 404)
        }
    }
}
