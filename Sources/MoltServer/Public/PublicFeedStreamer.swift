import Foundation
import MoltCore
import Synchronization

/// The live public feed, `GET /public/feed/stream` (spec §1.6; not in openapi.json): server-sent events.
///
/// A stream opens with `retry:`, then polls for public entries newer than its position (the database's
/// "now", or the `Last-Event-ID` it was given), oldest first, one batch per poll, and sends each as
/// `id: <ISO>/<uuid>` / `event: entry` / `data: <PublicFeedEntry>`. A `: heartbeat` comment keeps proxies
/// (and the check for a vanished client) going; the server ends the stream after the maximum duration. A
/// client address may hold a limited number of streams at once; one more is a 429. Owns the per-address
/// stream counts.
final class PublicFeedStreamer: Sendable {
    let feed: PublicFeedRepository
    let settings: PublicFeedStreamSettings
    private let openStreams = Mutex<[String: Int]>([:])

    init(feed: PublicFeedRepository, settings: PublicFeedStreamSettings) {
        self.feed = feed
        self.settings = settings
    }

    /// Answers the request with a stream fed by a task of its own, or a problem.
    func open(_ request: HTTPRequest, context: RequestContext) async throws -> HTTPResponse {
        var reader = QueryReader(request.queryItems.map { QueryItem($0.name, $0.value) })
        let tag = reader.string("tag", length: 0...PublicFeedLimits.tagMaxLength).flatMap { $0.isEmpty ? nil : $0 }
        try reader.finish()
        let address = request.remoteAddress
        guard reserve(address) else {
            throw ProblemDetails(.rateLimitExceeded, detail: "Too many SSE connections")
        }
        let start: PublicFeedPosition
        do {
            if let resumed = request.headers["Last-Event-ID"].flatMap(PublicFeedPosition.init(eventID:)) {
                start = resumed
            } else {
                start = try await feed.now()
            }
        } catch {
            release(address)
            throw error
        }
        let headers: HTTPHeaders = [
            "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform",
            "X-Accel-Buffering": "no",
        ]
        guard request.methodName != "HEAD" else {
            release(address)
            return HTTPResponse(status: 200, headers: headers)
        }
        let stream = ResponseStream()
        let logger = context.logger
        Task {
            await self.produce(into: stream, from: start, tag: tag, logger: logger)
            self.release(address)
        }
        return HTTPResponse(status: 200, headers: headers, body: .stream(stream))
    }

    /// Writes events until the client leaves or the maximum duration passes.
    private func produce(
        into stream: ResponseStream, from start: PublicFeedPosition, tag: String?, logger: Logger
    ) async {
        defer { stream.finish() }
        guard stream.write("retry: \(settings.retryMilliseconds)\n\n") else { return }
        let clock = ContinuousClock()
        let ends = clock.now + settings.maximumDuration
        var nextPoll = clock.now + settings.pollInterval
        var nextHeartbeat = clock.now + settings.heartbeatInterval
        var position = start
        while !stream.isCancelled {
            let now = clock.now
            guard now < ends else { return }
            if now >= nextHeartbeat {
                guard stream.write(": heartbeat\n\n") else { return }
                nextHeartbeat = now + settings.heartbeatInterval
            }
            if now >= nextPoll {
                guard await poll(into: stream, position: &position, tag: tag, logger: logger) else { return }
                nextPoll = clock.now + settings.pollInterval
            }
            // Wake at the next deadline, and at least every quarter second to notice cancellation.
            let wake = min(nextPoll, nextHeartbeat, ends, clock.now + .milliseconds(250))
            try? await Task.sleep(until: wake, clock: clock)
        }
    }

    /// Sends the next batch after `position` and moves it on; false once the client is gone.
    private func poll(
        into stream: ResponseStream, position: inout PublicFeedPosition, tag: String?, logger: Logger
    ) async -> Bool {
        let items: [PublicFeedRepository.Item]
        do {
            items = try await feed.entries(after: position, tag: tag, limit: settings.batchSize)
        } catch {
            logger.error("Public feed stream poll failed.", ["error": String(describing: error)])
            return stream.write("event: error\ndata: {\"message\":\"Internal server error\"}\n\n")
        }
        for item in items {
            guard let data = try? JSONCoding.encode(item.entry) else { continue }
            let event = "id: \(item.position.eventID)\nevent: entry\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
            guard stream.write(event) else { return false }
            position = item.position
        }
        return true
    }

    /// Counts a new stream for `address`; false when it already holds the most allowed.
    private func reserve(_ address: String) -> Bool {
        openStreams.withLock { counts in
            let open = counts[address, default: 0]
            guard open < settings.maximumStreamsPerAddress else { return false }
            counts[address] = open + 1
            return true
        }
    }

    private func release(_ address: String) {
        openStreams.withLock { counts in
            let open = counts[address, default: 1] - 1
            counts[address] = open > 0 ? open : nil
        }
    }
}
