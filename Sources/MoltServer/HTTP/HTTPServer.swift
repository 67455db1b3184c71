import CMicroHTTPD
import Foundation
import Synchronization

/// The HTTP listener on libmicrohttpd: a pool of epoll threads reads requests, and each complete request is
/// handed to an async handler as a Swift task while its connection is suspended, so no MHD thread waits.
///
/// Owns the `MHD_Daemon`. Keep-alive, read timeouts and the connection limit are MHD's; the body limit is
/// enforced here (early from Content-Length, else while reading). Stop it with `shutdown(gracePeriod:)`,
/// which stops accepting, lets requests in flight finish, then closes everything.
public final class HTTPServer: Sendable {
    /// Answers one request.
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse
    /// Renders the response for a request the listener refused (too large).
    public typealias Rejector = @Sendable (HTTPRequest, HTTPListenerRejection) -> HTTPResponse

    let handler: Handler
    let rejector: Rejector
    let configuration: HTTPServerConfiguration
    private let daemon = Mutex<DaemonPointer?>(nil)
    private let inFlight = Atomic<Int>(0)
    private let streams = Mutex<[ObjectIdentifier: RequestState]>([:])
    private let handlers = Mutex<[ObjectIdentifier: Task<Void, Never>]>([:])

    /// Starts listening; throws when the address is invalid or the port cannot be bound.
    public init(
        configuration: HTTPServerConfiguration, handler: @escaping Handler, rejector: @escaping Rejector
    ) throws {
        self.handler = handler
        self.rejector = rejector
        self.configuration = configuration
        var address = in_addr()
        guard inet_pton(AF_INET, configuration.host, &address) == 1 else {
            throw HTTPServerError("listen address \(configuration.host) is not an IPv4 address")
        }
        var options = cmhd_options(
            ipv4_address: UInt32(bigEndian: address.s_addr), port: configuration.port,
            thread_pool: UInt32(max(1, configuration.threads)),
            connection_timeout_seconds: UInt32(configuration.connectionTimeoutSeconds),
            connection_limit: UInt32(configuration.connectionLimit), connection_memory_limit: 64 * 1024)
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let started = cmhd_start(&options, accessCallback, completedCallback, uriCallback, context) else {
            throw HTTPServerError(
                "cannot listen on \(configuration.host):\(configuration.port) (address in use or not permitted)")
        }
        daemon.withLock { $0 = DaemonPointer(raw: started) }
    }

    /// The bound port (useful when configured with port 0).
    public var port: UInt16 {
        daemon.withLock { $0.map { cmhd_bound_port($0.raw) } ?? 0 }
    }

    /// Requests received and not yet completed.
    public var requestsInFlight: Int {
        inFlight.load(ordering: .relaxed)
    }

    /// Stops accepting connections, waits up to `gracePeriod` for requests in flight (streams are ended
    /// first), cancels handlers still running after that, then stops the daemon. Safe to call more than once.
    ///
    /// MHD must not be stopped while a connection is suspended, so if a cancelled handler ignores its
    /// cancellation for five more seconds the daemon is left running (the process is ending) rather than
    /// aborting it.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        let listenSocket = daemon.withLock { daemon in daemon.map { MHD_quiesce_daemon($0.raw) } ?? -1 }
        streams.withLock { states in states.values.forEach { $0.cancelStream() } }
        let graceEnds = ContinuousClock.now + gracePeriod
        while requestsInFlight > 0, ContinuousClock.now < graceEnds {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if requestsInFlight > 0 {
            handlers.withLock { tasks in tasks.values.forEach { $0.cancel() } }
            guard await noConnectionSuspended(by: ContinuousClock.now + .seconds(5)) else { return }
        }
        daemon.withLock { daemon in
            if let running = daemon { MHD_stop_daemon(running.raw) }
            daemon = nil
        }
        if listenSocket >= 0 { close(listenSocket) }
    }

    /// Whether, before `deadline`, every handler finished and every stream ended, so no connection is suspended.
    private func noConnectionSuspended(by deadline: ContinuousClock.Instant) async -> Bool {
        while ContinuousClock.now < deadline {
            if handlers.withLock({ $0.isEmpty }) && streams.withLock({ $0.isEmpty }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    // MARK: - Callbacks from MHD threads

    func begin(_ uri: String) -> RequestState {
        inFlight.add(1, ordering: .relaxed)
        return RequestState(rawURI: uri)
    }

    func complete(_ state: RequestState) {
        state.cancelStream()
        streams.withLock { _ = $0.removeValue(forKey: ObjectIdentifier(state)) }
        inFlight.subtract(1, ordering: .relaxed)
    }

    func access(
        _ state: RequestState, connection: OpaquePointer, method: String, upload: UnsafePointer<CChar>?,
        uploadSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        switch state.phase {
        case .started:
            state.phase = .receiving
            state.method = method
            state.headers = Self.readHeaders(connection)
            state.remoteAddress = Self.clientAddress(connection)
            if let length = state.headers["Content-Length"].flatMap(Int.init), length > configuration.maximumBodyBytes {
                state.phase = .responded
                let response = rejector(request(from: state), .bodyTooLarge(limit: configuration.maximumBodyBytes))
                return queue(response, state: state, connection: connection)
            }
            return .YES
        case .receiving where uploadSize.pointee > 0:
            let count = uploadSize.pointee
            if state.body.count + count > configuration.maximumBodyBytes {
                state.bodyTooLarge = true
                state.body = []
            } else if !state.bodyTooLarge, let upload {
                upload.withMemoryRebound(to: UInt8.self, capacity: count) {
                    state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                }
            }
            uploadSize.pointee = 0
            return .YES
        case .receiving:
            let request = request(from: state)
            if state.bodyTooLarge {
                state.phase = .responded
                let response = rejector(request, .bodyTooLarge(limit: configuration.maximumBodyBytes))
                return queue(response, state: state, connection: connection)
            }
            state.phase = .handling
            MHD_suspend_connection(connection)
            let suspended = ConnectionPointer(raw: connection)
            let handler = handler
            let key = ObjectIdentifier(state)
            handlers.withLock { tasks in
                tasks[key] = Task { [self] in
                    let response = await handler(request)
                    state.setResponse(response)
                    handlers.withLock { _ = $0.removeValue(forKey: key) }
                    MHD_resume_connection(suspended.raw)
                }
            }
            return .YES
        case .handling:
            guard let response = state.takeResponse() else { return .YES }
            state.phase = .responded
            return queue(response, state: state, connection: connection)
        case .responded:
            return .YES
        }
    }

    private func request(from state: RequestState) -> HTTPRequest {
        HTTPRequest(
            method: state.method, target: state.rawURI, headers: state.headers, body: state.body,
            remoteAddress: state.remoteAddress)
    }

    private func queue(_ response: HTTPResponse, state: RequestState, connection: OpaquePointer) -> MHD_Result {
        let created: OpaquePointer?
        switch response.body {
        case .bytes(let bytes):
            created = bytes.withUnsafeBytes { buffer in
                MHD_create_response_from_buffer(
                    buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .stream(let stream):
            state.attach(stream)
            streams.withLock { $0[ObjectIdentifier(state)] = state }
            let reader = StreamReader(stream: stream, connection: ConnectionPointer(raw: connection))
            created = MHD_create_response_from_callback(
                UInt64.max, 16 * 1024, streamReadCallback, Unmanaged.passRetained(reader).toOpaque(),
                streamFreeCallback)
        }
        guard let created else { return .NO }
        defer { MHD_destroy_response(created) }
        for (name, value) in response.headers {
            _ = MHD_add_response_header(created, name, value)
        }
        return MHD_queue_response(connection, UInt32(response.status), created)
    }

    private static func readHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
        let collector = HeaderCollector()
        _ = MHD_get_connection_values(
            connection, .HEADER_KIND, headerCallback, Unmanaged.passUnretained(collector).toOpaque())
        return collector.headers
    }

    private static func clientAddress(_ connection: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        cmhd_client_address(connection, &buffer, buffer.count)
        let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: text, as: UTF8.self)
    }
}

/// An error starting the HTTP listener.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The `MHD_Daemon *`, only used under the server's mutex.
struct DaemonPointer: @unchecked Sendable {
    let raw: OpaquePointer
}
