import Foundation
import MoltCore

/// One MCP tool: its definition in `tools/list` and what `tools/call` runs.
///
/// `run` returns the result object; it throws `MCPToolError` for failures the model should read, and the
/// domain's own errors (problem details, validation failures), which `MCPToolbox` turns into tool errors too.
struct MCPTool: Sendable {
    /// What a tool may do, for clients deciding whether to ask before calling (MCP tool annotations).
    enum Effect: Sendable {
        /// Reads only.
        case reads
        /// Creates or changes something; calling twice does it twice.
        case writes
        /// Deletes something.
        case deletes
    }

    let name: String
    let title: String
    let description: String
    let inputSchema: JSONValue
    let effect: Effect
    /// Whether the tool needs an agent (a valid token); anonymous calls then get a tool error.
    let requiresAuthentication: Bool
    /// The REST route bucket this tool counts against, if it has one (`MCPToolLimits`).
    var rateLimit: LimitedRoute? = nil
    let run: @Sendable (ToolArguments, MCPCallContext) async throws -> JSONValue

    /// The entry of `tools/list`.
    var definition: JSONValue {
        [
            "name": .string(name), "title": .string(title), "description": .string(description),
            "inputSchema": inputSchema,
            "annotations": [
                "title": .string(title), "readOnlyHint": .bool(effect == .reads),
                "destructiveHint": .bool(effect == .deletes), "idempotentHint": .bool(effect != .writes),
                "openWorldHint": false,
            ],
        ]
    }
}

/// Who is calling a tool, resource or prompt, on which session.
struct MCPCallContext: Sendable {
    /// The agent, when the request carried valid credentials.
    let caller: AuthContext?
    let protocolVersion: String
    let logger: Logger
    /// The client's address, the rate-limit key of anonymous callers.
    var remoteAddress = ""

    /// The agent, or the tool error telling an anonymous client how to authenticate.
    func requireCaller() throws(MCPToolError) -> AuthContext {
        guard let caller else { throw .authenticationRequired }
        return caller
    }
}

extension JSONValue {
    /// Any wire model as JSON, with the REST API's field names and timestamp format.
    init(encoding value: some Encodable) throws {
        self = try JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value))
    }
}
