import Foundation
import MoltTestSupport

/// Reads a server-sent event stream over one raw connection as it arrives: sends the request, parses the
/// head, then decodes the chunked body incrementally so tests can wait for text that has not come yet.
final class EventStreamReader {
    let status: Int
    /// Header names lower-cased.
    let headers: [String: String]
    private let client: RawHTTPClient
    /// Received bytes not yet decoded from the chunked framing.
    private var pending: [UInt8]
    /// The decoded body so far.
    private(set) var text = ""
    /// Whether the final zero-length chunk arrived.
    private(set) var ended = false

    init(port: UInt16, target: String, headers: [String: String] = [:]) async throws {
        client = try RawHTTPClient(port: port, timeoutSeconds: 1)
        var head = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try await client.send(Array((head + "\r\n").utf8))
        var buffer: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while buffer.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            guard ContinuousClock.now < deadline else { throw RawHTTPErrorText("no response head") }
            if let bytes = try? await client.receive() { buffer += bytes }
        }
        let end = buffer.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound
        var lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        status = Int(lines.removeFirst().split(separator: " ")[1]) ?? 0
        var parsed: [String: String] = [:]
        for line in lines where line.contains(":") {
            let parts = line.split(separator: ":", maxSplits: 1)
            parsed[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        self.headers = parsed
        pending = Array(buffer[end...])
        decodeChunks()
    }

    /// Waits until the decoded body satisfies `condition` (or the stream ends), up to `timeout`.
    /// - Returns: whether it did.
    @discardableResult
    func wait(for timeout: Duration = .seconds(10), until condition: (String) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(text) {
            guard !ended, ContinuousClock.now < deadline else { return false }
            do {
                pending += try await client.receive()
                decodeChunks()
            } catch {
                // A receive timeout just means nothing arrived yet; a close ends the stream.
                if String(describing: error) == "connection closed" { ended = true }
            }
        }
        return true
    }

    /// The events received so far, as (id, event, data) of each `event:` block.
    var events: [(id: String?, event: String, data: String)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var id: String?
            var event: String?
            var data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            return event.map { (id, $0, data) }
        }
    }

    private func decodeChunks() {
        while let lineEnd = pending.firstRange(of: [13, 10]) {
            let sizeText = String(decoding: pending[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return }
            if size == 0 {
                ended = true
                return
            }
            guard pending.count >= lineEnd.upperBound + size + 2 else { return }
            text += String(decoding: pending[lineEnd.upperBound..<(lineEnd.upperBound + size)], as: UTF8.self)
            pending.removeSubrange(..<(lineEnd.upperBound + size + 2))
        }
    }
}

/// A failure of the stream reader's set-up.
struct RawHTTPErrorText: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
