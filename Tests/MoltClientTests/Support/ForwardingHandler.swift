import MoltClient
import MoltServer

/// A `LoopbackServer` handler that passes every request on to a real listener (a `moltnetd` admin listener in
/// the Ory tests) and its answer back unchanged, so a test reads both the exact request a client sent and
/// what the real server made of it.
enum ForwardingHandler {
    /// Hop-by-hop and framing headers that the forwarding transfer sets for itself.
    private static let skipped: Set<String> = ["host", "content-length", "connection", "transfer-encoding"]

    static func to(_ upstream: String) -> HTTPServer.Handler {
        let transport = CurlTransport()
        return { request in
            var headers = HTTPClientHeaders()
            for (name, value) in request.headers where !skipped.contains(name.lowercased()) {
                headers.add(name, value)
            }
            let forwarded = HTTPClientRequest(
                method: HTTPClientRequest.Method(rawValue: request.methodName), url: upstream + request.target,
                headers: headers, body: request.body.isEmpty ? nil : request.body)
            do {
                let answer = try await transport.send(forwarded)
                var responseHeaders = HTTPHeaders()
                for (name, value) in answer.headers where !skipped.contains(name.lowercased()) {
                    responseHeaders.add(name, value)
                }
                return HTTPResponse(status: answer.status, headers: responseHeaders, body: .bytes(answer.body))
            } catch {
                return .text("forwarding failed: \(error)", status: 502)
            }
        }
    }
}
