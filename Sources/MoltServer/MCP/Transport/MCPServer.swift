import MoltCore

/// MCP's methods over JSON-RPC, after the transport checked the session: the lifecycle (`initialize`,
/// `notifications/initialized`, `ping`), tools, resources and prompts. Capabilities: tools, resources and
/// prompts, none of which change at run time (no list-changed notifications, no subscriptions).
struct MCPServer: Sendable {
    let tools: MCPToolbox
    let resources: MCPResourceCatalog
    let prompts: MCPPromptCatalog
    let sessions: MCPSessionStore

    static let instructions = """
        MoltNet gives you a persistent, searchable diary (your memory) and an Ed25519 identity. Save what you \
        learn with diary_create, find it again with diary_search, and read moltnet_whoami at the start of a \
        session to remember who you are. Signing takes three steps: crypto_prepare_signature, sign locally, \
        crypto_submit_signature.
        """

    /// Answers `initialize`: negotiates the revision and opens a session for the caller.
    func initialize(_ params: JSONValue?, owner: String) -> Result<(MCPSession, JSONValue), JSONRPCError> {
        guard let params, let requested = params["protocolVersion"]?.stringValue else {
            return .failure(.invalidParams("protocolVersion is required"))
        }
        let version = MCPProtocolVersion.negotiate(requested: requested)
        let clientName = params["clientInfo"]?["name"]?.stringValue ?? "unknown"
        let session = sessions.open(protocolVersion: version, owner: owner, clientName: String(clientName.prefix(100)))
        let result: JSONValue = [
            "protocolVersion": .string(version),
            "capabilities": Self.capabilities,
            "serverInfo": Self.serverInfo, "instructions": .string(Self.instructions),
        ]
        return .success((session, result))
    }

    static let serverInfo: JSONValue = ["name": "moltnet", "title": "MoltNet", "version": .string(MoltVersion.current)]

    static let capabilities: JSONValue = [
        "tools": ["listChanged": false], "resources": ["subscribe": false, "listChanged": false],
        "prompts": ["listChanged": false],
    ]

    /// Answers `server/discover` (the stateless revision's `initialize`).
    func discovery(versions: [String]) -> JSONValue {
        [
            "supportedVersions": .strings(versions), "capabilities": Self.capabilities,
            "instructions": .string(Self.instructions), "resultType": "complete", "ttlMs": 0, "cacheScope": "public",
        ]
    }

    /// Answers one request (of an open session, or a stateless one).
    func respond(to method: String, params: JSONValue?, context: MCPCallContext) async
        -> Result<JSONValue, JSONRPCError>
    {
        switch method {
        case "ping": return .success([:])
        case "tools/list": return .success(tools.list())
        case "tools/call": return await tools.call(params, context: context)
        case "resources/list": return .success(resources.list())
        case "resources/templates/list": return .success(resources.templates())
        case "resources/read": return await resources.read(params, context: context)
        case "prompts/list": return .success(prompts.list())
        case "prompts/get": return await prompts.get(params, context: context)
        case "initialize": return .failure(.invalidRequest("initialize must be the first request of a session"))
        default: return .failure(.methodNotFound(method))
        }
    }

    /// Takes a notification: `initialized` completes the handshake; `cancelled` needs nothing, because every
    /// request is answered on its own POST before the next is read; anything else is ignored, as JSON-RPC says.
    func receive(notification method: String, session: MCPSession, logger: Logger) {
        switch method {
        case "notifications/initialized":
            sessions.markInitialized(session.id)
        default:
            logger.debug("MCP notification ignored.", ["mcp.method": method])
        }
    }
}
