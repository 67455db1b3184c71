import MoltCore

/// MCP's Streamable HTTP transport at `/mcp`: POST carries JSON-RPC messages, GET answers 405 (this server
/// sends nothing unprompted, so it offers no stream), DELETE ends a session. Revisions 2024-11-05 to
/// 2025-11-25 open a session with `initialize`; a POST naming the stateless revision 2026-07-28 in
/// `MCP-Protocol-Version` goes to `MCPStatelessExchange`.
///
/// Every request: a disallowed `Origin` is 403; invalid credentials are 401 (missing ones are fine: the
/// caller is anonymous). After `initialize`, every request needs its `Mcp-Session-Id` (400 without, 404 for
/// an unknown or foreign one) and, when it sends `MCP-Protocol-Version`, the negotiated revision (400
/// otherwise). A POST of notifications and responses only is 202; requests are answered as JSON or, when the
/// client accepts it, as an SSE stream.
struct MCPEndpoint: Sendable {
    static let path = "/mcp"

    let server: MCPServer
    let authenticator: BearerAuthenticator
    let origins: MCPOriginPolicy

    func register(in router: inout Router) {
        router.add(.post, "/mcp") { request, context in await post(request, context) }
        router.add(.get, "/mcp") { request, _ in
            guard origins.allows(request.headers["Origin"]) else { return MCPHTTPReply.forbiddenOrigin }
            var response = MCPHTTPReply.failure(
                405, JSONRPCError(code: -32000, message: "Method not allowed: this server offers no SSE stream"))
            response.headers["Allow"] = "POST, DELETE"
            return response
        }
        router.add(.delete, "/mcp") { request, context in await delete(request, context) }
    }

    func post(_ request: HTTPRequest, _ context: RequestContext) async -> HTTPResponse {
        guard origins.allows(request.headers["Origin"]) else { return MCPHTTPReply.forbiddenOrigin }
        let caller: AuthContext?
        switch await authenticate(request, context) {
        case .success(let authenticated): caller = authenticated
        case .failure(let failure): return failure.response
        }
        let accept = request.headers["Accept"]
        guard MCPHTTPReply.accepts(accept, "application/json") || MCPHTTPReply.accepts(accept, "text/event-stream")
        else {
            return MCPHTTPReply.failure(
                406, .invalidRequest("Accept must allow application/json or text/event-stream"))
        }
        if let type = request.headers["Content-Type"], !type.lowercased().contains("json") {
            return MCPHTTPReply.failure(415, .invalidRequest("Content-Type must be application/json"))
        }
        guard let body = JSONValue.parse(request.body) else { return MCPHTTPReply.failure(400, .parseError) }
        let streaming = MCPHTTPReply.wantsEventStream(accept)
        if MCPStatelessExchange.handles(request) {
            return await MCPStatelessExchange(server: server).respond(
                to: body, request: request, caller: caller, context: context, streaming: streaming)
        }
        let batch = body.arrayValue != nil
        let messages: [JSONRPCMessage]
        do {
            messages = try (body.arrayValue ?? [body]).map { value throws(JSONRPCError) in try JSONRPCMessage(value) }
        } catch {
            return MCPHTTPReply.failure(400, error)
        }
        guard !messages.isEmpty else { return MCPHTTPReply.failure(400, .invalidRequest("an empty batch")) }
        let owner = caller.map { "agent:\($0.identityID.uuidString.lowercased())" } ?? "anonymous"
        if messages.contains(where: { $0.method == "initialize" }) {
            guard !batch, case .request(let id, _, let params) = messages[0] else {
                return MCPHTTPReply.failure(400, .invalidRequest("initialize must be sent alone, as a request"))
            }
            switch server.initialize(params, owner: owner) {
            case .success(let (session, result)):
                context.logger.info(
                    "MCP session opened.",
                    ["mcp.protocol_version": session.protocolVersion, "mcp.client": session.clientName])
                return MCPHTTPReply.replies(
                    [JSONRPCReply(id: id, outcome: .success(result))], batch: false, streaming: streaming,
                    headers: [MCPHTTPReply.sessionHeader: session.id])
            case .failure(let error):
                return MCPHTTPReply.replies(
                    [JSONRPCReply(id: id, outcome: .failure(error))], batch: false, streaming: streaming)
            }
        }
        let session: MCPSession
        switch openSession(request, owner: owner) {
        case .success(let open): session = open
        case .failure(let failure): return failure.response
        }
        if batch, !MCPProtocolVersion.allowsBatches(session.protocolVersion) {
            return MCPHTTPReply.failure(
                400, .invalidRequest("batches are not part of protocol version \(session.protocolVersion)"))
        }
        let callContext = MCPCallContext(
            caller: caller, protocolVersion: session.protocolVersion, logger: context.logger,
            remoteAddress: request.remoteAddress)
        var replies: [JSONRPCReply] = []
        for message in messages {
            switch message {
            case .request(let id, let method, let params):
                let outcome = await server.respond(to: method, params: params, context: callContext)
                replies.append(JSONRPCReply(id: id, outcome: outcome))
            case .notification(let method, _):
                server.receive(notification: method, session: session, logger: context.logger)
            case .response:
                break
            }
        }
        guard !replies.isEmpty else { return HTTPResponse(status: 202, headers: ["Cache-Control": "no-store"]) }
        return MCPHTTPReply.replies(replies, batch: batch, streaming: streaming)
    }

    func delete(_ request: HTTPRequest, _ context: RequestContext) async -> HTTPResponse {
        guard origins.allows(request.headers["Origin"]) else { return MCPHTTPReply.forbiddenOrigin }
        let caller: AuthContext?
        switch await authenticate(request, context) {
        case .success(let authenticated): caller = authenticated
        case .failure(let failure): return failure.response
        }
        let owner = caller.map { "agent:\($0.identityID.uuidString.lowercased())" } ?? "anonymous"
        switch openSession(request, owner: owner) {
        case .success(let session):
            server.sessions.close(session.id)
            context.logger.info("MCP session closed.", ["mcp.client": session.clientName])
            return HTTPResponse(status: 204, headers: ["Cache-Control": "no-store"])
        case .failure(let failure):
            return failure.response
        }
    }

    /// The caller: from a valid bearer token (checked by the authentication middleware, or here to find out
    /// why it failed), nil without credentials; 401 for bad credentials, 502 when the identity service is down.
    private func authenticate(_ request: HTTPRequest, _ context: RequestContext) async
        -> Result<AuthContext?, MCPHTTPFailure>
    {
        if let caller = context.caller { return .success(caller) }
        guard let header = request.headers["Authorization"] else { return .success(nil) }
        do {
            return .success(try await authenticator.authenticate(authorization: header))
        } catch .unavailable {
            return .failure(
                MCPHTTPFailure(
                    MCPHTTPReply.authenticationFailure(
                        502, code: "UPSTREAM_ERROR", message: BearerAuthenticationError.unavailable.detail)))
        } catch {
            return .failure(
                MCPHTTPFailure(MCPHTTPReply.authenticationFailure(401, code: "UNAUTHORIZED", message: error.detail)))
        }
    }

    /// The session the request names, checked against its caller and protocol version header.
    private func openSession(_ request: HTTPRequest, owner: String) -> Result<MCPSession, MCPHTTPFailure> {
        guard let id = request.headers[MCPHTTPReply.sessionHeader], !id.isEmpty else {
            return .failure(MCPHTTPFailure(MCPHTTPReply.sessionRequired))
        }
        guard let session = server.sessions.use(id), session.owner == owner else {
            return .failure(MCPHTTPFailure(MCPHTTPReply.sessionNotFound))
        }
        if let version = request.headers[MCPHTTPReply.versionHeader] {
            guard MCPProtocolVersion.supported.contains(version) else {
                return .failure(
                    MCPHTTPFailure(
                        MCPHTTPReply.failure(
                            400,
                            JSONRPCError(
                                code: -32600, message: "Unsupported MCP-Protocol-Version: \(version)",
                                data: ["supported": .strings(MCPProtocolVersion.supported)]))))
            }
            guard version == session.protocolVersion else {
                return .failure(
                    MCPHTTPFailure(
                        MCPHTTPReply.failure(
                            400,
                            .invalidRequest(
                                "MCP-Protocol-Version \(version) is not the session's \(session.protocolVersion)"))))
            }
        }
        return .success(session)
    }
}

/// An HTTP answer that ends a request early, carried through `Result`.
struct MCPHTTPFailure: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) {
        self.response = response
    }
}
