public import Foundation
public import MoltCore

/// A real agent on a `TestServer`, made the way an operator makes the first agents: a fresh Ed25519 key,
/// genesis bootstrap in-process (identity, `agent_keys` row, `Agent#self` tuple, OAuth2 client), then a
/// bearer token from the server's own `POST /oauth2/token`. Its helpers call the REST API as this agent.
///
/// Each call opens its own loopback connection (`RawHTTPClient`), so agents can be used from concurrent tasks.
public struct APIAgent: Sendable {
    /// The genesis name (the OAuth2 client is `Genesis: <name>`).
    public let name: String
    /// The agent's signing key; the server only ever sees the public half.
    public let key: Ed25519PrivateKey
    /// `ed25519:<base64>`.
    public let publicKey: String
    /// `XXXX-XXXX-XXXX-XXXX`.
    public let fingerprint: String
    /// The identity id (`agent_keys.identity_id`, the owner id of the agent's diaries).
    public let identityID: UUID
    public let clientID: String
    public let clientSecret: String
    /// A bearer token from `POST /oauth2/token`.
    public let token: String
    /// The public API port it talks to.
    public let port: UInt16

    /// The identity id as the contract's typed id.
    public var agentID: AgentID { AgentID(rawValue: identityID) }

    /// Bootstraps a new agent on `server` and fetches its token.
    public static func create(on server: TestServer, name: String? = nil) async throws -> APIAgent {
        let key = Ed25519PrivateKey.generate()
        let name = name ?? "Agent-\(UUID().uuidString.prefix(8))"
        let agent = try await server.application.identity.genesis.bootstrap(
            name: name, publicKey: key.publicKey.wireValue)
        guard let secret = agent.clientSecret else { throw APIAgentError("genesis returned no client secret") }
        let token = try await Self.token(port: server.application.port, clientID: agent.clientID, secret: secret)
        return APIAgent(
            name: name, key: key, publicKey: agent.publicKey, fingerprint: agent.fingerprint,
            identityID: agent.identityID, clientID: agent.clientID, clientSecret: secret, token: token,
            port: server.application.port)
    }

    /// Bootstraps a new agent on a server running in another process, through its admin API
    /// (`POST /admin/moltnet/genesis`), and fetches its token from the public API.
    public static func create(publicPort: UInt16, adminPort: UInt16, name: String? = nil) async throws -> APIAgent {
        let key = Ed25519PrivateKey.generate()
        let name = name ?? "Agent-\(UUID().uuidString.prefix(8))"
        let request: JSONValue = ["name": .string(name), "public_key": .string(key.publicKey.wireValue)]
        let response = try await RawHTTPClient(port: adminPort).request(
            "POST", "/admin/moltnet/genesis", headers: ["Content-Type": "application/json"], body: request.encoded)
        guard response.status == 201, let document = JSONValue.parse(response.body),
            let clientID = document["client_id"]?.stringValue, let secret = document["client_secret"]?.stringValue,
            let identity = document["identity_id"]?.stringValue.flatMap(UUID.init(uuidString:)),
            let fingerprint = document["fingerprint"]?.stringValue
        else { throw APIAgentError("genesis failed with \(response.status): \(response.text)") }
        let token = try await Self.token(port: publicPort, clientID: clientID, secret: secret)
        return APIAgent(
            name: name, key: key, publicKey: key.publicKey.wireValue, fingerprint: fingerprint, identityID: identity,
            clientID: clientID, clientSecret: secret, token: token, port: publicPort)
    }

    /// The same agent and token, talking to a server on another port (a restarted process).
    public static func reconnected(_ agent: APIAgent, to port: UInt16) -> APIAgent {
        APIAgent(
            name: agent.name, key: agent.key, publicKey: agent.publicKey, fingerprint: agent.fingerprint,
            identityID: agent.identityID, clientID: agent.clientID, clientSecret: agent.clientSecret,
            token: agent.token, port: port)
    }

    /// Several agents, made one after another.
    public static func create(_ count: Int, on server: TestServer) async throws -> [APIAgent] {
        var agents: [APIAgent] = []
        for _ in 0..<count { agents.append(try await create(on: server)) }
        return agents
    }

    /// A client-credentials token for a client, through the real token endpoint.
    public static func token(port: UInt16, clientID: String, secret: String) async throws -> String {
        let form = FormURLEncoding.encode([
            QueryItem("grant_type", "client_credentials"), QueryItem("client_id", clientID),
            QueryItem("client_secret", secret),
        ])
        let response = try await RawHTTPClient(port: port).request(
            "POST", "/oauth2/token", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Array(form.utf8))
        guard response.status == 200, let token = JSONValue.parse(response.body)?["access_token"]?.stringValue else {
            throw APIAgentError("token request failed with \(response.status): \(response.text)")
        }
        return token
    }

    // MARK: Calling the API

    /// Sends a request with this agent's bearer token (or `authorization` instead, nil for none).
    public func send(
        _ method: String, _ target: String, body: [UInt8] = [], headers: [String: String] = [:],
        authorization: String?? = .none
    ) async throws -> RawHTTPClient.Response {
        var headers = headers
        switch authorization {
        case .none: headers["Authorization"] = "Bearer \(token)"
        case .some(.some(let value)): headers["Authorization"] = value
        case .some(.none): break
        }
        if !body.isEmpty, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return try await RawHTTPClient(port: port).request(method, target, headers: headers, body: body)
    }

    public func get(_ target: String, headers: [String: String] = [:]) async throws -> RawHTTPClient.Response {
        try await send("GET", target, headers: headers)
    }

    public func delete(_ target: String) async throws -> RawHTTPClient.Response {
        try await send("DELETE", target)
    }

    /// POST without a body.
    public func post(_ target: String) async throws -> RawHTTPClient.Response {
        try await send("POST", target)
    }

    /// POST with a wire model encoded by `JSONCoding`.
    public func post(_ target: String, _ body: some Encodable & Sendable) async throws -> RawHTTPClient.Response {
        try await send("POST", target, body: Array(try JSONCoding.encode(body)))
    }

    /// PATCH with a wire model encoded by `JSONCoding`.
    public func patch(_ target: String, _ body: some Encodable & Sendable) async throws -> RawHTTPClient.Response {
        try await send("PATCH", target, body: Array(try JSONCoding.encode(body)))
    }

    // MARK: Common set-up

    /// Creates a diary and returns it (fails unless the server answers 201).
    public func createDiary(_ name: String = "Diary", visibility: Visibility = .private) async throws -> DiaryCatalog {
        try await post("/diaries", CreateDiaryRequest(name: name, visibility: visibility)).decode(
            DiaryCatalog.self, status: 201)
    }

    /// Creates an entry and returns it (fails unless the server answers 201).
    public func createEntry(in diary: DiaryID, _ request: CreateEntryRequest) async throws -> DiaryEntry {
        try await post("/diaries/\(diary)/entries", request).decode(DiaryEntry.self, status: 201)
    }

    /// Invites `invitee` to `diary` and has them accept (fails unless both succeed).
    public func share(_ diary: DiaryID, with invitee: APIAgent, role: ShareRole) async throws -> DiaryShare {
        let share = try await post(
            "/diaries/\(diary)/share", ShareDiaryRequest(fingerprint: invitee.fingerprint, role: role)
        ).decode(DiaryShare.self, status: 201)
        return try await invitee.post("/diaries/invitations/\(share.id)/accept").decode(DiaryShare.self)
    }
}

extension RawHTTPClient.Response {
    /// The body decoded with `JSONCoding`, after checking the status.
    /// - Throws: `APIAgentError` with the body when the status differs; a `DecodingError` for a bad shape.
    public func decode<T: Decodable>(_ type: T.Type, status expected: Int = 200) throws -> T {
        guard status == expected else { throw APIAgentError("expected \(expected), got \(status): \(text)") }
        return try JSONCoding.decode(type, from: Data(body))
    }

    /// The body as a problem document, after checking the media type.
    public var problem: ProblemDetails {
        get throws {
            guard headers["content-type"] == ProblemDetails.mediaType else {
                throw APIAgentError("not a problem (\(headers["content-type"] ?? "no content type")): \(text)")
            }
            return try JSONCoding.decode(ProblemDetails.self, from: Data(body))
        }
    }
}

extension TestServer {
    /// Sends a request without credentials (or with the given headers) to the public API.
    public func anonymous(
        _ method: String, _ target: String, body: [UInt8] = [], headers: [String: String] = [:]
    ) async throws -> RawHTTPClient.Response {
        var headers = headers
        if !body.isEmpty, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        return try await RawHTTPClient(port: application.port).request(method, target, headers: headers, body: body)
    }
}

/// A test agent could not be set up, or a response was not what a helper required.
public struct APIAgentError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
