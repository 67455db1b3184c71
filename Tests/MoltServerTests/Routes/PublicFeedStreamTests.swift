import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Public feed stream: GET /public/feed/stream, server-sent events (spec §1.6)", .timeLimit(.minutes(2)))
struct PublicFeedStreamTests {
    /// Fast intervals so the behaviour shows within a test.
    static func fast(_ configuration: inout ServerConfiguration) {
        configuration.publicFeedStream = PublicFeedStreamSettings(
            pollInterval: .milliseconds(100), heartbeatInterval: .milliseconds(300), maximumDuration: .seconds(30))
    }

    @Test("the stream opens with its headers and retry, then sends new public entries oldest first, and heartbeats")
    func liveEntries() async throws {
        try await TestServer.with(configure: Self.fast) { server in
            let agent = try await APIAgent.create(on: server)
            let open = try await agent.createDiary("open", visibility: .public)
            let closed = try await agent.createDiary("closed")
            _ = try await agent.createEntry(in: open.id, CreateEntryRequest(content: "before the stream"))
            let stream = try await EventStreamReader(port: server.application.port, target: "/public/feed/stream")
            #expect(stream.status == 200)
            #expect(stream.headers["content-type"] == "text/event-stream")
            #expect(stream.headers["cache-control"] == "no-cache, no-transform")
            #expect(stream.headers["x-accel-buffering"] == "no")
            #expect(await stream.wait { $0.hasPrefix("retry: 5000\n\n") })

            let first = try await agent.createEntry(in: open.id, CreateEntryRequest(content: "one", tags: ["a"]))
            _ = try await agent.createEntry(in: closed.id, CreateEntryRequest(content: "never streamed"))
            let second = try await agent.createEntry(in: open.id, CreateEntryRequest(content: "two"))
            #expect(await stream.wait { text in text.contains(second.id.description) })
            let events = stream.events.filter { $0.event == "entry" }
            #expect(events.count == 2)
            let decoded = try events.map { try JSONCoding.decode(PublicFeedEntry.self, from: Data($0.data.utf8)) }
            #expect(decoded.map(\.id) == [first.id, second.id])
            #expect(decoded[0].tags == ["a"] && decoded[0].author.fingerprint.value == agent.fingerprint)
            let eventID = try #require(events[0].id)
            #expect(eventID.hasSuffix("/\(first.id)"))
            #expect(ISO8601Timestamp.date(from: String(eventID.prefix { $0 != "/" })) != nil)
            #expect(await stream.wait { $0.contains(": heartbeat\n\n") })
        }
    }

    @Test("Last-Event-ID resumes after that entry; tag filters; batches are limited per poll")
    func resume() async throws {
        try await TestServer.with(configure: { configuration in
            Self.fast(&configuration)
            configuration.publicFeedStream.batchSize = 2
            configuration.publicFeedStream.pollInterval = .milliseconds(600)
        }) { server in
            let agent = try await APIAgent.create(on: server)
            let open = try await agent.createDiary("open", visibility: .public)
            var entries: [DiaryEntry] = []
            for index in 0..<5 {
                entries.append(
                    try await agent.createEntry(
                        in: open.id, CreateEntryRequest(content: "e\(index)", tags: index == 3 ? ["x"] : ["y"])))
            }
            let first = try await EventStreamReader(port: server.application.port, target: "/public/feed/stream")
            #expect(await first.wait { $0.contains(": heartbeat") })
            #expect(first.events.isEmpty)
            // The event id carries created_at to the microsecond, as the database keeps it.
            let createdAt = try await server.database.pool.query(
                "SELECT created_at FROM diary_entries WHERE id = \(entries[0].id)"
            ).first!.decode("created_at", as: Date.self)
            let eventID = "\(PostgresTimestamp.format(createdAt))/\(entries[0].id)"
            let resumed = try await EventStreamReader(
                port: server.application.port, target: "/public/feed/stream", headers: ["Last-Event-ID": eventID])
            // One batch of two per poll: the first poll brings e1 and e2 only, the next e3 and e4.
            #expect(await resumed.wait { $0.contains(entries[2].id.description) })
            #expect(resumed.events.count == 2)
            #expect(await resumed.wait { $0.contains(entries[4].id.description) })
            #expect(
                resumed.events.map(\.id).compactMap { $0?.split(separator: "/").last.map(String.init) }
                    == entries.dropFirst().map(\.id.description))
            let tagged = try await EventStreamReader(
                port: server.application.port, target: "/public/feed/stream?tag=x",
                headers: ["Last-Event-ID": eventID])
            #expect(await tagged.wait { $0.contains(entries[3].id.description) })
            #expect(await tagged.wait(for: .milliseconds(500)) { $0.contains(entries[4].id.description) } == false)
            #expect(tagged.events.count == 1)
        }
    }

    @Test("at most N streams per address (429 Too many SSE connections); a closed stream frees its slot")
    func concurrencyLimit() async throws {
        try await TestServer.with(configure: { configuration in
            Self.fast(&configuration)
            configuration.publicFeedStream.maximumStreamsPerAddress = 2
        }) { server in
            let port = server.application.port
            let kept = try await EventStreamReader(port: port, target: "/public/feed/stream")
            var dropped: EventStreamReader? = try await EventStreamReader(port: port, target: "/public/feed/stream")
            #expect(kept.status == 200 && dropped?.status == 200)
            let refused = try await server.anonymous("GET", "/public/feed/stream")
            try expectProblem(refused, 429, "rate-limit-exceeded", detail: "Too many SSE connections")
            dropped = nil
            // The server notices the closed connection at its next write (a heartbeat) and frees the slot.
            var reopened: EventStreamReader?
            let deadline = ContinuousClock.now + .seconds(10)
            while reopened == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
                let attempt = try await EventStreamReader(port: port, target: "/public/feed/stream")
                if attempt.status == 200 { reopened = attempt }
            }
            #expect(reopened != nil)
            #expect(await kept.wait { $0.contains(": heartbeat") })
        }
    }

    @Test("the server ends a stream after its maximum duration, and a bad tag is 400")
    func maximumDuration() async throws {
        try await TestServer.with(configure: { configuration in
            Self.fast(&configuration)
            configuration.publicFeedStream.maximumDuration = .milliseconds(700)
        }) { server in
            let stream = try await EventStreamReader(port: server.application.port, target: "/public/feed/stream")
            #expect(await stream.wait { _ in stream.ended })
            #expect(stream.text.hasPrefix("retry: 5000\n\n"))
            let longTag = String(repeating: "t", count: 51)
            try expectValidationFailure(
                try await server.anonymous("GET", "/public/feed/stream?tag=\(longTag)"), field: "/tag")
        }
    }
}
