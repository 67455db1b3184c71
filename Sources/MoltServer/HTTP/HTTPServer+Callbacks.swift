import CMicroHTTPD

// The C callbacks MHD calls on its threads. Each recovers the HTTPServer (passed unretained as `cls`; the
// server outlives the daemon because `shutdown` stops the daemon first) and the per-request state (retained
// by the URI callback, released by the completion callback).

let uriCallback: cmhd_uri_callback = { cls, uri, _ in
    guard let cls else { return nil }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let state = server.begin(uri.map { String(cString: $0) } ?? "/")
    return Unmanaged.passRetained(state).toOpaque()
}

let accessCallback: MHD_AccessHandlerCallback = { cls, connection, _, method, _, upload, uploadSize, context in
    guard let cls, let connection, let uploadSize, let context, let raw = context.pointee else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()
    let methodName = method.map { String(cString: $0) } ?? "GET"
    return server.access(state, connection: connection, method: methodName, upload: upload, uploadSize: uploadSize)
}

let completedCallback: MHD_RequestCompletedCallback = { cls, _, context, _ in
    guard let cls, let context, let raw = context.pointee else { return }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(raw)
    server.complete(state.takeUnretainedValue())
    state.release()
    context.pointee = nil
}

/// Reads one header into a collector passed as `cls`.
let headerCallback: MHD_KeyValueIterator = { cls, _, key, value in
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<HeaderCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.headers.add(String(cString: key), value.map { String(cString: $0) } ?? "")
    return .YES
}

/// Feeds a streaming body to MHD.
let streamReadCallback: MHD_ContentReaderCallback = { cls, _, buffer, capacity in
    guard let cls, let buffer else { return Int(MHD_CONTENT_READER_END_WITH_ERROR) }
    let reader = Unmanaged<StreamReader>.fromOpaque(cls).takeUnretainedValue()
    return reader.stream.read(into: buffer, capacity: capacity, connection: reader.connection)
}

let streamFreeCallback: MHD_ContentReaderFreeCallback = { cls in
    guard let cls else { return }
    Unmanaged<StreamReader>.fromOpaque(cls).release()
}

/// Collects headers during `MHD_get_connection_values` (used on one thread only).
final class HeaderCollector {
    var headers = HTTPHeaders()
}

/// The stream and connection a streaming response reads from.
final class StreamReader: Sendable {
    let stream: ResponseStream
    let connection: ConnectionPointer

    init(stream: ResponseStream, connection: ConnectionPointer) {
        self.stream = stream
        self.connection = connection
    }
}
