import MoltCore

/// The HTTP answers of the MCP endpoint: JSON-RPC replies as one JSON document or as server-sent events,
/// and the transport's refusals.
enum MCPHTTPReply {
    static let sessionHeader = "Mcp-Session-Id"
    static let versionHeader = "MCP-Protocol-Version"

    /// Replies to the requests of one POST: an SSE stream (one `message` event per reply) when the client
    /// accepts `text/event-stream`, else JSON (an array for a batch).
    static func replies(_ replies: [JSONRPCReply], batch: Bool, streaming: Bool, headers: HTTPHeaders = [:])
        -> HTTPResponse
    {
        var headers = headers
        headers["Cache-Control"] = "no-store"
        if streaming {
            headers["X-Accel-Buffering"] = "no"
            let events = replies.map { "event: message\ndata: \($0.json.text)\n\n" }.joined()
            return HTTPResponse(
                status: 200, contentType: "text/event-stream", bytes: Array(events.utf8), headers: headers)
        }
        let body: JSONValue = batch ? .array(replies.map(\.json)) : replies[0].json
        return .json(body.encoded, headers: headers)
    }

    /// A refusal with a JSON-RPC error body without id (MCP's transport rules allow one on 4xx answers).
    static func failure(_ status: Int, _ error: JSONRPCError, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers["Cache-Control"] = "no-store"
        return .json(JSONRPCReply(id: .null, outcome: .failure(error)).json.encoded, status: status, headers: headers)
    }

    /// 401 or 502 in the reference MCP server's shape, `{error, message}`.
    static func authenticationFailure(_ status: Int, code: String, message: String, headers: HTTPHeaders = [:])
        -> HTTPResponse
    {
        var headers = headers
        headers["Cache-Control"] = "no-store"
        if status == 401 { headers["WWW-Authenticate"] = "Bearer" }
        let body: JSONValue = ["error": .string(code), "message": .string(message)]
        return .json(body.encoded, status: status, headers: headers)
    }

    static let sessionRequired = failure(
        400, .invalidRequest("the Mcp-Session-Id header is required: send initialize first"))
    static let sessionNotFound = failure(404, JSONRPCError(code: -32001, message: "Session not found"))
    static let forbiddenOrigin = failure(403, JSONRPCError(code: -32000, message: "Forbidden: Origin not allowed"))

    /// Whether an `Accept` header admits JSON responses or event streams (absent means anything).
    static func accepts(_ accept: String?, _ mediaType: String) -> Bool {
        guard let accept, !accept.isEmpty else { return true }
        let type = mediaType.split(separator: "/").first.map(String.init) ?? mediaType
        return accept.lowercased().split(separator: ",").contains { range in
            let item = range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
            return item == mediaType || item == "\(type)/*" || item == "*/*"
        }
    }

    /// Whether the client explicitly lists `text/event-stream`.
    static func wantsEventStream(_ accept: String?) -> Bool {
        accept?.lowercased().contains("text/event-stream") == true
    }
}
