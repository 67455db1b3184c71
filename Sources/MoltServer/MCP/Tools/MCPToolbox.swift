import MoltCore

/// The tools of the endpoint: `tools/list` and `tools/call`.
///
/// Protocol errors (-32602) are kept for calls that cannot be dispatched at all: no tool name, an unknown
/// tool, arguments that are not an object. Everything a tool itself refuses, including invalid argument
/// values, missing authentication and the domain's problems, is a tool result with `isError: true` and
/// `{"error": message}`, so the model sees it and can correct itself (MCP's guidance, and the reference's).
struct MCPToolbox: Sendable {
    let tools: [MCPTool]
    let limits: MCPToolLimits?
    private let byName: [String: MCPTool]

    init(_ tools: [MCPTool], limits: MCPToolLimits? = nil) {
        self.tools = tools
        self.limits = limits
        byName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The `tools/list` result (one page: the list is short).
    func list() -> JSONValue {
        ["tools": .array(tools.map(\.definition))]
    }

    /// Runs `tools/call`.
    func call(_ params: JSONValue?, context: MCPCallContext) async -> Result<JSONValue, JSONRPCError> {
        guard let name = params?["name"]?.stringValue else { return .failure(.invalidParams("name is required")) }
        guard let tool = byName[name] else { return .failure(.invalidParams("Unknown tool: \(name)")) }
        let arguments = params?["arguments"] ?? .null
        guard arguments.isNull || arguments.objectValue != nil else {
            return .failure(.invalidParams("arguments must be an object"))
        }
        do {
            if tool.requiresAuthentication { _ = try context.requireCaller() }
            if let route = tool.rateLimit,
                let refusal = limits?.consume(route, caller: context.caller, remoteAddress: context.remoteAddress)
            {
                throw refusal
            }
            let result = try await tool.run(ToolArguments(arguments.objectValue ?? [:]), context)
            context.logger.debug("MCP tool called.", ["mcp.tool": name])
            return .success(Self.result(result, isError: false, version: context.protocolVersion))
        } catch {
            let message = Self.message(for: error, tool: name, logger: context.logger)
            context.logger.debug("MCP tool refused the call.", ["mcp.tool": name])
            return .success(Self.result(["error": .string(message)], isError: true, version: context.protocolVersion))
        }
    }

    /// A `CallToolResult`: the object as JSON text, and as `structuredContent` where the revision has it.
    static func result(_ object: JSONValue, isError: Bool, version: String) -> JSONValue {
        var result: [String: JSONValue] = [
            "content": [["type": "text", "text": .string(object.text)]], "isError": .bool(isError),
        ]
        if MCPProtocolVersion.hasStructuredContent(version) { result["structuredContent"] = object }
        return .object(result)
    }

    /// What the model reads for a failed call. Server faults are logged and never described.
    static func message(for error: any Error, tool: String, logger: Logger) -> String {
        switch error {
        case let failure as MCPToolError:
            return failure.message
        case let problem as ProblemDetails where problem.status < 500:
            return problem.errors.map { errors in
                ([problem.detail ?? problem.title] + errors.map(\.description)).joined(separator: "; ")
            } ?? problem.detail ?? problem.title
        case let failure as ValidationFailure:
            let fields = failure.errors.map(\.description)
            return fields.isEmpty || failure.detail.contains(fields[0])
                ? failure.detail : "\(failure.detail) (\(fields.joined(separator: "; ")))"
        case let failure as IdentityError where failure.code != .unavailable:
            return failure.message
        default:
            logger.error("MCP tool failed.", ["mcp.tool": tool, "error": String(describing: error)])
            return "An unexpected error occurred; please retry later"
        }
    }
}
