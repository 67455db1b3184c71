public import Foundation

/// An HTTP response: status, headers and either a complete body or a stream written while it is sent.
public struct HTTPResponse: Sendable {
    /// The body of a response.
    public enum Body: Sendable {
        case bytes([UInt8])
        /// Chunks written by the application while the client reads (server-sent events).
        case stream(ResponseStream)
    }

    public var status: Int
    public var headers: HTTPHeaders
    public var body: Body

    public init(status: Int, headers: HTTPHeaders = [:], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a complete body and its content type.
    public init(status: Int, contentType: String, bytes: [UInt8], headers: HTTPHeaders = [:]) {
        var headers = headers
        headers["Content-Type"] = contentType
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }

    /// A JSON response from already encoded bytes.
    public static func json(_ bytes: [UInt8], status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", bytes: bytes, headers: headers)
    }

    /// A JSON response from an Encodable value (encoded with sorted keys).
    public static func json(_ value: some Encodable, status: Int = 200, encoder: JSONEncoder) throws -> HTTPResponse {
        .json(Array(try encoder.encode(value)), status: status)
    }

    /// A plain text response.
    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8")
        -> HTTPResponse
    {
        HTTPResponse(status: status, contentType: contentType, bytes: Array(text.utf8))
    }

    /// An empty response (204 by default).
    public static func empty(status: Int = 204) -> HTTPResponse {
        HTTPResponse(status: status)
    }

    /// The complete body's bytes (empty for a stream).
    public var bodyBytes: [UInt8] {
        if case .bytes(let bytes) = body { return bytes }
        return []
    }
}
