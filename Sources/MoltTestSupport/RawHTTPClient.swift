import Foundation
import Glibc
import MoltCore

/// A deliberately small HTTP/1.1 client over a plain socket, for tests that need exact control of the bytes
/// sent (malformed requests, oversized bodies, keep-alive, slow clients). Loopback only, bounded in time.
///
/// Owns one socket and is used by one task at a time; its blocking calls run on a `BlockingPool` of their
/// own, never on Swift's cooperative threads nor on the shared pool: the server under test needs the shared
/// pool for libpq, and clients blocked in `recv` must not take every thread it has while they wait for it.
public final class RawHTTPClient: @unchecked Sendable {
    /// The threads clients block on (many tests run at once, each waiting for a response).
    static let pool = BlockingPool(maximumThreads: 512)

    private let socket: Int32

    /// A parsed response.
    public struct Response: Sendable {
        public let status: Int
        /// Header names lower-cased.
        public let headers: [String: String]
        public let body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body decoded as a JSON object.
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw RawHTTPError("response body is not a JSON object: \(text)")
            }
            return object
        }
    }

    /// Connects to 127.0.0.1:`port` with a receive timeout.
    public init(port: UInt16, timeoutSeconds: Int = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw RawHTTPError("socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw RawHTTPError("cannot connect to 127.0.0.1:\(port)")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends raw bytes.
    public func send(_ bytes: [UInt8]) async throws {
        try await Self.pool.run { try self.sendBlocking(bytes) }
    }

    /// Sends a request with a body and `Content-Length`, keeping the connection open.
    public func request(
        _ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = []
    ) async throws -> Response {
        try await Self.pool.run { try self.requestBlocking(method, target, headers: headers, body: body) }
    }

    /// Reads one response (Content-Length or chunked or until close).
    public func readResponse(method: String = "GET") async throws -> Response {
        try await Self.pool.run { try self.readResponseBlocking(method: method) }
    }

    /// Reads whatever bytes arrive next; throws on timeout or close.
    public func receive() async throws -> [UInt8] {
        try await Self.pool.run {
            var buffer: [UInt8] = []
            try self.receive(into: &buffer)
            return buffer
        }
    }

    private func sendBlocking(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw RawHTTPError("send failed") }
            offset += sent
        }
    }

    private func requestBlocking(
        _ method: String, _ target: String, headers: [String: String], body: [UInt8]
    ) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try sendBlocking(Array(head.utf8) + body)
        return try readResponseBlocking(method: method)
    }

    private func readResponseBlocking(method: String) throws -> Response {
        var buffer: [UInt8] = []
        var headerEnd: Int?
        while headerEnd == nil {
            try receive(into: &buffer)
            headerEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
        }
        let head = String(decoding: buffer[..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw RawHTTPError("bad status line") }
        var headers: [String: String] = [:]
        for line in lines where line.contains(":") {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(buffer[headerEnd!...])
        if method == "HEAD" || status == 204 || status == 304 {
            return Response(status: status, headers: headers, body: [])
        }
        if let length = headers["content-length"].flatMap(Int.init) {
            while body.count < length { try receive(into: &body) }
            return Response(status: status, headers: headers, body: Array(body.prefix(length)))
        }
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            return Response(status: status, headers: headers, body: try readChunked(body))
        }
        while (try? receive(into: &body)) != nil {}
        return Response(status: status, headers: headers, body: body)
    }

    private func readChunked(_ initial: [UInt8]) throws -> [UInt8] {
        var pending = initial
        var body: [UInt8] = []
        while true {
            while pending.firstRange(of: [13, 10]) == nil { try receive(into: &pending) }
            let lineEnd = pending.firstRange(of: [13, 10])!
            let sizeText = String(decoding: pending[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                throw RawHTTPError("bad chunk size")
            }
            pending.removeSubrange(..<lineEnd.upperBound)
            if size == 0 { return body }
            while pending.count < size + 2 { try receive(into: &pending) }
            body += pending[..<size]
            pending.removeSubrange(..<(size + 2))
        }
    }

    private func receive(into buffer: inout [UInt8]) throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &chunk, chunk.count, 0)
        guard count > 0 else { throw RawHTTPError(count == 0 ? "connection closed" : "receive timed out") }
        buffer += chunk[..<count]
    }
}

/// A failure in the raw test client.
public struct RawHTTPError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
