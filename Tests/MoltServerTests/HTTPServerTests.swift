import Foundation
import MoltServer
import MoltTestSupport
import Synchronization
import Testing

/// Starts a bare listener with `handler` on an ephemeral port and stops it afterwards.
func withListener<T>(
    configuration: HTTPServerConfiguration = HTTPServerConfiguration(port: 0, threads: 2, maximumBodyBytes: 1024),
    handler: @escaping HTTPServer.Handler, _ body: (HTTPServer) async throws -> T
) async throws -> T {
    let server = try HTTPServer(configuration: configuration, handler: handler) { _, rejection in
        .text("rejected \(rejection)", status: 413)
    }
    do {
        let value = try await body(server)
        await server.shutdown(gracePeriod: .seconds(2))
        return value
    } catch {
        await server.shutdown(gracePeriod: .seconds(2))
        throw error
    }
}

@Suite("HTTP listener on libmicrohttpd", .timeLimit(.minutes(3)))
struct HTTPServerTests {
    static let echo: HTTPServer.Handler = { request in
        var headers = HTTPHeaders()
        headers["X-Method"] = request.methodName
        headers["X-Path"] = request.path
        headers["X-Query"] = request.rawQuery ?? "-"
        headers["X-Peer"] = request.remoteAddress
        headers["X-Custom"] = request.headers["x-custom"] ?? "-"
        return HTTPResponse(status: 200, contentType: "application/octet-stream", bytes: request.body, headers: headers)
    }

    @Test("delivers method, raw path, query, headers, peer and binary body intact")
    func echoes() async throws {
        try await withListener(handler: Self.echo) { server in
            let client = try RawHTTPClient(port: server.port)
            let body: [UInt8] = Array(0...255)
            let response = try await client.request(
                "POST", "/a%20b/c?x=1&y=%C3%BC", headers: ["X-Custom": "hello"], body: body)
            #expect(response.status == 200)
            #expect(response.body == body)
            #expect(response.headers["x-method"] == "POST")
            #expect(response.headers["x-path"] == "/a%20b/c")
            #expect(response.headers["x-query"] == "x=1&y=%C3%BC")
            #expect(response.headers["x-peer"] == "127.0.0.1")
            #expect(response.headers["x-custom"] == "hello")
        }
    }

    @Test("keeps connections alive across requests")
    func keepAlive() async throws {
        try await withListener(handler: Self.echo) { server in
            let client = try RawHTTPClient(port: server.port)
            for index in 0..<5 {
                let response = try await client.request("POST", "/n/\(index)", body: Array("body \(index)".utf8))
                #expect(response.text == "body \(index)")
            }
        }
    }

    @Test("serves many concurrent slow requests without blocking its threads")
    func concurrency() async throws {
        let running = Atomic<Int>(0)
        let peak = Atomic<Int>(0)
        let slow: HTTPServer.Handler = { request in
            let now = running.add(1, ordering: .relaxed).newValue
            peak.max(now, ordering: .relaxed)
            try? await Task.sleep(for: .milliseconds(200))
            running.subtract(1, ordering: .relaxed)
            return .text(request.path)
        }
        try await withListener(handler: slow) { server in
            let port = server.port
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let client = try RawHTTPClient(port: port)
                        return try await client.request("GET", "/r\(index)").text == "/r\(index)"
                    }
                }
                for try await ok in group { #expect(ok) }
            }
            // Two polling threads, yet many handlers were waiting at the same moment: none blocked a thread.
            #expect(peak.load(ordering: .relaxed) > 2)
        }
    }

    @Test("refuses a declared oversized body with 413 before reading it")
    func declaredTooLarge() async throws {
        let called = Atomic<Int>(0)
        try await withListener(handler: { _ in
            called.add(1, ordering: .relaxed)
            return .text("ok")
        }) { server in
            let client = try RawHTTPClient(port: server.port)
            try await client.send(Array("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 5000\r\n\r\n".utf8))
            let response = try await client.readResponse()
            #expect(response.status == 413)
            #expect(called.load(ordering: .relaxed) == 0)
        }
    }

    @Test("refuses an oversized chunked body with 413 and accepts one within the limit")
    func chunkedTooLarge() async throws {
        try await withListener(handler: Self.echo) { server in
            func chunked(_ size: Int) async throws -> RawHTTPClient.Response {
                let client = try RawHTTPClient(port: server.port)
                let data = [UInt8](repeating: 65, count: size)
                var bytes = Array("POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                bytes += Array(String(size, radix: 16).utf8) + [13, 10] + data + [13, 10] + Array("0\r\n\r\n".utf8)
                try await client.send(bytes)
                return try await client.readResponse()
            }
            #expect(try await chunked(2000).status == 413)
            let small = try await chunked(1000)
            #expect(small.status == 200)
            #expect(small.body.count == 1000)
        }
    }

    @Test("streams a body written over time and notices when the client leaves")
    func streaming() async throws {
        let stream = ResponseStream()
        let producer = Task {
            for index in 0..<3 {
                stream.write("event \(index)\n")
                try? await Task.sleep(for: .milliseconds(50))
            }
            stream.finish()
        }
        try await withListener(handler: { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "text/event-stream"], body: .stream(stream))
        }) { server in
            let response = try await RawHTTPClient(port: server.port).request("GET", "/events")
            #expect(response.text == "event 0\nevent 1\nevent 2\n")
        }
        await producer.value

        let endless = ResponseStream()
        try await withListener(handler: { _ in HTTPResponse(status: 200, body: .stream(endless)) }) { server in
            do {
                let client = try RawHTTPClient(port: server.port)
                try await client.send(Array("GET /e HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
                #expect(endless.write("first\n"))
                _ = try await client.receive()
            }
            // The client closed its socket: the stream reports cancellation soon after a write fails.
            let deadline = ContinuousClock.now + .seconds(20)
            while !endless.isCancelled, ContinuousClock.now < deadline {
                endless.write("tick\n")
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(endless.isCancelled)
        }
    }

    @Test("graceful shutdown lets a request in flight finish and then refuses connections")
    func gracefulShutdown() async throws {
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, threads: 1),
            handler: { _ in
                try? await Task.sleep(for: .milliseconds(400))
                return .text("finished")
            }, rejector: { _, _ in .empty(status: 413) })
        let port = server.port
        let inFlight = Task { try await RawHTTPClient(port: port).request("GET", "/slow").text }
        let deadline = ContinuousClock.now + .seconds(10)
        while server.requestsInFlight == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(server.requestsInFlight == 1)
        await server.shutdown(gracePeriod: .seconds(5))
        #expect(try await inFlight.value == "finished")
        #expect(throws: RawHTTPError.self) { _ = try RawHTTPClient(port: port) }
    }

    @Test("a port already in use is a clear error")
    func portInUse() async throws {
        try await withListener(handler: Self.echo) { server in
            let error = #expect(throws: HTTPServerError.self) {
                _ = try HTTPServer(
                    configuration: HTTPServerConfiguration(port: server.port), handler: Self.echo,
                    rejector: { _, _ in .empty() })
            }
            #expect(error?.description.contains("\(server.port)") == true)
        }
    }
}

@Suite("HTTP listener shutdown with a stuck handler", .timeLimit(.minutes(3)))
struct HTTPServerStuckShutdownTests {
    @Test("a handler still running after the grace period is cancelled, and the process does not abort")
    func cancelsStuckHandler() async throws {
        let server = try HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, threads: 1),
            handler: { _ in
                do {
                    try await Task.sleep(for: .seconds(30))
                    return .text("too late")
                } catch {
                    return .text("cancelled", status: 503)
                }
            }, rejector: { _, _ in .empty(status: 413) })
        let port = server.port
        let inFlight = Task { try await RawHTTPClient(port: port).request("GET", "/stuck") }
        while server.requestsInFlight == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        await server.shutdown(gracePeriod: .milliseconds(200))
        #expect(ContinuousClock.now - started < .seconds(5))
        let response = try? await inFlight.value
        #expect(response == nil || response?.status == 503)
    }
}
