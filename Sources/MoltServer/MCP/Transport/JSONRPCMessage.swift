import MoltCore

/// One JSON-RPC 2.0 message a client sent (MCP's base protocol): a request, a notification, or a response to
/// a request of ours (the server sends none, so responses are accepted and ignored).
enum JSONRPCMessage: Sendable, Equatable {
    case request(id: JSONValue, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: JSONValue)

    /// Reads one message object.
    /// - Throws: `JSONRPCError.invalidRequest` when it is not a JSON-RPC 2.0 message MCP allows (MCP ids are
    ///   strings or integers, never null; params are an object).
    init(_ value: JSONValue) throws(JSONRPCError) {
        guard let members = value.objectValue else { throw .invalidRequest("A message must be a JSON object") }
        guard members["jsonrpc"] == .string("2.0") else { throw .invalidRequest("jsonrpc must be \"2.0\"") }
        let id = members["id"]
        if let id, !Self.isValidID(id) { throw .invalidRequest("id must be a string or an integer") }
        if let method = members["method"] {
            guard let name = method.stringValue, !name.isEmpty else {
                throw .invalidRequest("method must be a non-empty string")
            }
            let params = members["params"]
            if let params, params.objectValue == nil { throw .invalidRequest("params must be an object") }
            self =
                id.map { .request(id: $0, method: name, params: params) } ?? .notification(method: name, params: params)
            return
        }
        guard let id, members["result"] != nil || members["error"] != nil else {
            throw .invalidRequest("A message must have a method, or an id with a result or an error")
        }
        self = .response(id: id)
    }

    /// The method of a request or notification.
    var method: String? {
        switch self {
        case .request(_, let method, _), .notification(let method, _): method
        case .response: nil
        }
    }

    var isRequest: Bool {
        if case .request = self { return true }
        return false
    }

    private static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .string: true
        case .number: id.integerValue != nil
        default: false
        }
    }
}

/// A JSON-RPC error object: the standard codes plus MCP's resource-not-found.
struct JSONRPCError: Error, Sendable, Equatable {
    let code: Int
    let message: String
    let data: JSONValue?

    init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    static let parseError = JSONRPCError(code: -32700, message: "Parse error: the body is not valid JSON")

    static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "Invalid Request: \(detail)")
    }

    static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: -32601, message: "Method not found: \(method)")
    }

    static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: -32602, message: "Invalid params: \(detail)")
    }

    static let internalError = JSONRPCError(code: -32603, message: "Internal error")

    /// MCP's code for `resources/read` of an unknown URI.
    static func resourceNotFound(_ uri: String) -> JSONRPCError {
        JSONRPCError(code: -32002, message: "Resource not found", data: ["uri": .string(uri)])
    }

    var json: JSONValue {
        var error: [String: JSONValue] = ["code": .number(Double(code)), "message": .string(message)]
        if let data { error["data"] = data }
        return .object(error)
    }
}

/// What the server answers one request with.
struct JSONRPCReply: Sendable, Equatable {
    /// The request's id (null when the request could not be read far enough to know it).
    let id: JSONValue
    let outcome: Result<JSONValue, JSONRPCError>

    var json: JSONValue {
        switch outcome {
        case .success(let result): ["jsonrpc": "2.0", "id": id, "result": result]
        case .failure(let error): ["jsonrpc": "2.0", "id": id, "error": error.json]
        }
    }
}
