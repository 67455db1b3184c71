import MoltCore

/// The stateless revision 2026-07-28 of MCP over HTTP: no handshake and no session; every POST is one
/// self-contained request whose `params._meta` carries the protocol version and client capabilities, mirrored
/// in the `MCP-Protocol-Version`, `Mcp-Method` and `Mcp-Name` headers. `server/discover` replaces
/// `initialize`.
///
/// Checks, first failure wins (the revision's ladder): the `_meta` envelope (-32602), the headers against the
/// body (-32020), the version (-32022 with the supported list). Errors carry the revision's HTTP statuses
/// (400, and 404 for an unknown method). Results get `resultType`, cache hints on list and read results, and
/// the server's identity in `_meta`.
struct MCPStatelessExchange: Sendable {
    static let versions = ["2026-07-28"]
    static let versionKey = "io.modelcontextprotocol/protocolVersion"
    static let capabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    static let serverInfoKey = "io.modelcontextprotocol/serverInfo"
    static let headerMismatch = -32020
    static let unsupportedVersion = -32022

    let server: MCPServer

    /// Whether a POST belongs to this revision: it names a stateless revision, or (without a session) one
    /// this server does not know, which is then refused with the supported list.
    static func handles(_ request: HTTPRequest) -> Bool {
        guard let version = request.headers[MCPHTTPReply.versionHeader] else { return false }
        if versions.contains(version) { return true }
        return !MCPProtocolVersion.supported.contains(version) && request.headers[MCPHTTPReply.sessionHeader] == nil
    }

    func respond(
        to body: JSONValue, request: HTTPRequest, caller: AuthContext?, context: RequestContext, streaming: Bool
    )
        async -> HTTPResponse
    {
        guard body.arrayValue == nil else {
            return MCPHTTPReply.failure(400, .invalidRequest("batches are not part of protocol version 2026-07-28"))
        }
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage(body)
        } catch {
            return MCPHTTPReply.failure(400, error)
        }
        guard case .request(let id, let method, let params) = message else {
            return HTTPResponse(status: 202, headers: ["Cache-Control": "no-store"])
        }
        if let refusal = Self.check(method: method, params: params, headers: request.headers) {
            return Self.reply(id, .failure(refusal), streaming: false)
        }
        let version = params?["_meta"]?[Self.versionKey]?.stringValue ?? Self.versions[0]
        let callContext = MCPCallContext(
            caller: caller, protocolVersion: version, logger: context.logger,
            remoteAddress: request.remoteAddress)
        let outcome: Result<JSONValue, JSONRPCError>
        switch method {
        case "server/discover":
            outcome = .success(server.discovery(versions: Self.versions))
        case "initialize", "ping", "notifications/initialized":
            outcome = .failure(.methodNotFound(method))
        default:
            outcome = await server.respond(to: method, params: params, context: callContext)
        }
        return Self.reply(id, outcome.map { Self.decorate($0, method: method) }, streaming: streaming)
    }

    /// The first broken rule of the revision's request ladder, if any.
    static func check(method: String, params: JSONValue?, headers: HTTPHeaders) -> JSONRPCError? {
        guard let meta = params?["_meta"]?.objectValue else {
            return .invalidParams("params._meta must carry \(versionKey) and \(capabilitiesKey)")
        }
        guard let version = meta[versionKey], meta[capabilitiesKey] != nil else {
            return .invalidParams("params._meta is missing \(versionKey) or \(capabilitiesKey)")
        }
        guard headers[MCPHTTPReply.versionHeader].map(JSONValue.string) == version else {
            return JSONRPCError(code: headerMismatch, message: "MCP-Protocol-Version does not match params._meta")
        }
        guard headers["Mcp-Method"] == method else {
            return JSONRPCError(code: headerMismatch, message: "Mcp-Method does not match the request's method")
        }
        let nameKey = ["tools/call": "name", "prompts/get": "name", "resources/read": "uri"][method]
        if let nameKey, let name = params?[nameKey]?.stringValue, decodeHeader(headers["Mcp-Name"]) != name {
            return JSONRPCError(code: headerMismatch, message: "Mcp-Name does not match the request's \(nameKey)")
        }
        guard let requested = version.stringValue else {
            return .invalidParams("the protocol version in params._meta must be a string")
        }
        guard versions.contains(requested) else {
            return JSONRPCError(
                code: unsupportedVersion, message: "Unsupported protocol version: \(requested)",
                data: ["supported": .strings(versions + MCPProtocolVersion.supported), "requested": .string(requested)])
        }
        return nil
    }

    /// A header value, decoding the `=?base64?…?=` form clients use for names that are not plain ASCII.
    static func decodeHeader(_ value: String?) -> String? {
        guard let value, value.hasPrefix("=?base64?"), value.hasSuffix("?="), value.count >= 11 else { return value }
        let payload = String(value.dropFirst(9).dropLast(2))
        return Base64.decode(payload).flatMap { String(bytes: $0, encoding: .utf8) }
    }

    /// `resultType`, the cache hints of cacheable results, and the server's identity.
    static func decorate(_ result: JSONValue, method: String) -> JSONValue {
        guard var members = result.objectValue else { return result }
        members["resultType"] = members["resultType"] ?? "complete"
        switch method {
        case "tools/list", "prompts/list", "resources/list", "resources/templates/list":
            members["ttlMs"] = members["ttlMs"] ?? 60_000
            members["cacheScope"] = members["cacheScope"] ?? "public"
        case "resources/read":
            members["ttlMs"] = 0
            members["cacheScope"] = "private"
        default:
            break
        }
        var meta = members["_meta"]?.objectValue ?? [:]
        meta[serverInfoKey] = MCPServer.serverInfo
        members["_meta"] = .object(meta)
        return .object(members)
    }

    /// One reply, with the revision's status for errors (always JSON then).
    static func reply(_ id: JSONValue, _ outcome: Result<JSONValue, JSONRPCError>, streaming: Bool) -> HTTPResponse {
        if case .failure(let error) = outcome, let status = errorStatus(error.code) {
            var response = MCPHTTPReply.replies(
                [JSONRPCReply(id: id, outcome: outcome)], batch: false, streaming: false)
            response.status = status
            return response
        }
        return MCPHTTPReply.replies([JSONRPCReply(id: id, outcome: outcome)], batch: false, streaming: streaming)
    }

    static func errorStatus(_ code: Int) -> Int? {
        switch code {
        case -32700, -32600, -32602, headerMismatch, -32021, unsupportedVersion: 400
        case -32601: 404
        default: nil
        }
    }
}
