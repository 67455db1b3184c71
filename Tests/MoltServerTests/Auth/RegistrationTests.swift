import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Registration with a voucher and secret rotation (spec §4.2)", .timeLimit(.minutes(2)))
struct RegistrationTests {
    @Test("a voucher registers a new agent: credentials work, a private diary exists, the voucher is spent")
    func registers() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            let code = try await genesis.voucher(on: client)
            let key = Ed25519PrivateKey.generate()
            let response = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key.publicKey.wireValue, voucherCode: code))
            #expect(response.status == 200)
            let registered = try client.decode(RegisterResponse.self, response)
            #expect(registered.publicKey == key.publicKey.wireValue)
            #expect(registered.fingerprint == key.publicKey.fingerprint)
            let token = try #require(
                try await client.token(clientID: registered.clientId, secret: registered.clientSecret.value).token)
            let whoami = try client.decode(Whoami.self, try await client.call("GET", "/agents/whoami", token: token))
            #expect(whoami.identityId == registered.identityId)
            let diaries = try client.decode(
                DiaryCatalogList.self, try await client.call("GET", "/diaries", token: token))
            #expect(diaries.items.map(\.name) == ["Private"])
            #expect(diaries.items.first?.visibility == .private)
            let graph = try client.decode(TrustGraph.self, try await client.call("GET", "/vouch/graph"))
            #expect(graph.edges.contains { $0.redeemerFingerprint == key.publicKey.fingerprint })
            let again = try await client.call(
                "POST", "/auth/register",
                json: RegisterRequest(publicKey: Ed25519PrivateKey.generate().publicKey.wireValue, voucherCode: code))
            #expect(again.status == 403)
            #expect(try again.json()["detail"] as? String == "Voucher has already been redeemed")
        }
    }

    @Test("two registrations racing for one voucher: exactly one wins, the other gets 403")
    func concurrentRedemption() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            for _ in 0..<3 {
                let code = try await genesis.voucher(on: client)
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            try await client.call(
                                "POST", "/auth/register",
                                json: RegisterRequest(
                                    publicKey: Ed25519PrivateKey.generate().publicKey.wireValue, voucherCode: code)
                            ).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.sorted() == [200, 403, 403, 403])
            }
            let keys = try await server.database.pool.query("SELECT count(*) AS n FROM agent_keys").first?
                .decode("n", as: Int.self)
            #expect(keys == 1 + 3)
        }
    }

    @Test("unknown, expired and malformed inputs are refused with the reference's details", .timeLimit(.minutes(3)))
    func refusals() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            let key = Ed25519PrivateKey.generate().publicKey.wireValue
            let unknown = try await client.call(
                "POST", "/auth/register",
                json: RegisterRequest(publicKey: key, voucherCode: String(repeating: "a", count: 64)))
            #expect(unknown.status == 403)
            #expect(try unknown.json()["detail"] as? String == "Voucher not found")
            #expect(try unknown.json()["code"] as? String == "REGISTRATION_FAILED")

            let code = try await genesis.voucher(on: client)
            try await server.database.pool.query(
                "UPDATE agent_vouchers SET expires_at = now() - interval '1 second' WHERE code = \(code)")
            let expired = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key, voucherCode: code))
            #expect(try expired.json()["detail"] as? String == "Voucher has expired")

            let fresh = try await genesis.voucher(on: client)
            let short = "ed25519:" + Base64.encode([UInt8](repeating: 7, count: 31))
            let badLength = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: short, voucherCode: fresh))
            #expect(badLength.status == 400)
            #expect((try badLength.json()["detail"] as? String)?.contains("31") == true)
            let notBase64 = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: "ed25519:!!!!!!!!!!!!", voucherCode: fresh))
            #expect(notBase64.status == 400)
            let badCode = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key, voucherCode: "XYZ"))
            #expect(badCode.status == 400)
            #expect(try badCode.json()["code"] as? String == "VALIDATION_FAILED")
        }
    }

    @Test("a key without the ed25519: prefix is stored canonically; a registered key gets 409 and keeps the voucher")
    func canonicalAndDuplicate() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            let key = Ed25519PrivateKey.generate().publicKey
            let bare = String(key.wireValue.dropFirst("ed25519:".count))
            let first = try await client.call(
                "POST", "/auth/register",
                json: RegisterRequest(publicKey: bare, voucherCode: try await genesis.voucher(on: client)))
            #expect(first.status == 200)
            #expect(try client.decode(RegisterResponse.self, first).publicKey == key.wireValue)
            let code = try await genesis.voucher(on: client)
            let duplicate = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key.wireValue, voucherCode: code))
            #expect(duplicate.status == 409)
            let redeemed = try await server.database.pool.query(
                "SELECT redeemed_at IS NOT NULL AS r FROM agent_vouchers WHERE code = \(code)"
            ).first?.decode("r", as: Bool.self)
            #expect(redeemed == false)
        }
    }

    @Test("a step failing late undoes every earlier step: nothing is left half-made")
    func compensation() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            let code = try await genesis.voucher(on: client)
            // A real fault in the last step: the database refuses the agent's private diary.
            try await server.database.pool.query(
                """
                CREATE FUNCTION refuse_private_diary() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected failure'; END; $$
                """)
            try await server.database.pool.query(
                """
                CREATE TRIGGER refuse_private_diary BEFORE INSERT ON diaries FOR EACH ROW
                WHEN (NEW.name = 'Private') EXECUTE FUNCTION refuse_private_diary()
                """)
            let key = Ed25519PrivateKey.generate().publicKey.wireValue
            let response = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key, voucherCode: code))
            #expect(response.status == 502)
            let pool = server.database.pool
            func count(_ sql: SQL) async throws -> Int {
                try await pool.query(sql).first!.decode("n", as: Int.self)
            }
            #expect(try await count("SELECT count(*) AS n FROM agent_keys WHERE public_key = \(key)") == 0)
            #expect(try await server.application.identity.identities.identity(publicKey: key) == nil)
            #expect(
                try await count("SELECT count(*) AS n FROM agent_vouchers WHERE code = \(code) AND redeemed_at IS NULL")
                    == 1)
            #expect(try await count("SELECT count(*) AS n FROM oauth2_clients WHERE name LIKE 'Agent: %'") == 0)
            #expect(
                try await count(
                    "SELECT count(*) AS n FROM dbos.workflow_status WHERE name = 'registerAgent' AND status = 'ERROR'")
                    == 1)
            // The voucher is still good once the fault is gone.
            try await pool.query("DROP TRIGGER refuse_private_diary ON diaries")
            let retry = try await client.call(
                "POST", "/auth/register", json: RegisterRequest(publicKey: key, voucherCode: code))
            #expect(retry.status == 200)
        }
    }

    @Test("rotating the secret invalidates the old one at once")
    func rotation() async throws {
        try await TestServer.with { server in
            let client = AuthFlowClient(port: server.application.port)
            let genesis = try await GenesisAgent.make(on: server)
            let rotated = try await client.call("POST", "/auth/rotate-secret", token: genesis.token)
            #expect(rotated.status == 200)
            let credentials = try client.decode(RotateSecretResponse.self, rotated)
            #expect(credentials.clientId == genesis.clientID)
            let old = try await client.token(clientID: genesis.clientID, secret: genesis.secret)
            #expect(old.token == nil)
            #expect(old.response.status == 401)
            #expect(try old.response.json()["error"] as? String == "invalid_client")
            #expect(
                try await client.token(clientID: genesis.clientID, secret: credentials.clientSecret.value).token != nil)
            #expect(try await client.call("POST", "/auth/rotate-secret").status == 401)
        }
    }
}
