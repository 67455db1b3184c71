import Foundation
import MoltTestSupport

/// A throwaway HTTP server on 127.0.0.1 (Python's `http.server` on an ephemeral port) serving files from a
/// temporary folder, e.g. `health` → `GET /health`. Stopped by `stop()` or on deinit.
final class StaticHTTPServer: Sendable {
    let port: Int
    let folder: URL
    private let child: ChildProcess

    /// Starts a server with `files` (path → body); waits up to 60 s for it to listen (Python starts slowly on a
    /// loaded machine).
    init(files: [String: String]) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("molt-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, body) in files {
            try body.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        child = try ChildProcess(
            ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path])
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        let deadline = ContinuousClock.now + .seconds(60)
        var found: Int? = nil
        while found == nil {
            let late = ContinuousClock.now >= deadline
            let text = child.output
            if let range = text.range(of: "port ") { found = Int(text[range.upperBound...].prefix { $0.isNumber }) }
            if found != nil || late { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard let found else {
            child.kill()
            throw ChildProcessError("python3 http.server did not start: \(child.output)")
        }
        port = found
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        child.kill()
        child.removeOutput()
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }
}
