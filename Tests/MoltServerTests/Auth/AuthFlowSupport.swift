import Foundation
import MoltCore
import MoltServer
import MoltTestSupport

/// Small helpers for the registration and recovery tests: JSON over a raw connection, genesis agents, tokens.
struct AuthFlowClient {
    let port: UInt16

    func call(
        _ method: String, _ path: String, json: (any Encodable)? = nil, form: String? = nil, token: String? = nil
    ) async throws -> RawHTTPClient.Response {
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        if let json {
            headers["Content-Type"] = "application/json"
            body = Array(try JSONCoding.encode(json))
        } else if let form {
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = Array(form.utf8)
        }
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return try await RawHTTPClient(port: port).request(method, path, headers: headers, body: body)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: RawHTTPClient.Response) throws -> T {
        try JSONCoding.decode(type, from: Data(response.body))
    }

    /// A client_credentials token, or the failing response.
    func token(clientID: String, secret: String) async throws -> (token: String?, response: RawHTTPClient.Response) {
        let response = try await call(
            "POST", "/oauth2/token",
            form: "grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)")
        return ((try? response.json())?["access_token"] as? String, response)
    }
}

/// A genesis agent with a token, created in-process (no voucher needed).
struct GenesisAgent {
    let key: Ed25519PrivateKey
    let clientID: String
    let secret: String
    let token: String

    static func make(on server: TestServer, name: String = "Genesis") async throws -> GenesisAgent {
        let key = Ed25519PrivateKey.generate()
        let agent = try await server.application.identity.genesis.bootstrap(
            name: name, publicKey: key.publicKey.wireValue)
        let secret = try requireSecret(agent.clientSecret)
        let client = AuthFlowClient(port: server.application.port)
        guard let token = try await client.token(clientID: agent.clientID, secret: secret).token else {
            throw TestFailure("genesis agent got no token")
        }
        return GenesisAgent(key: key, clientID: agent.clientID, secret: secret, token: token)
    }

    /// Issues a voucher as this agent.
    func voucher(on client: AuthFlowClient) async throws -> String {
        let response = try await client.call("POST", "/vouch", token: token)
        guard response.status == 201, let code = try response.json()["code"] as? String else {
            throw TestFailure("vouch failed: \(response.status) \(response.text)")
        }
        return code
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

private func requireSecret(_ secret: String?) throws -> String {
    guard let secret else { throw TestFailure("genesis returned no secret") }
    return secret
}
