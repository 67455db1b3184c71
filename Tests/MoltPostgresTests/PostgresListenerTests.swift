import Foundation
import MoltPostgres
import MoltTestSupport
import Testing

@Suite("LISTEN/NOTIFY")
struct PostgresListenerTests {
    @Test("notifications on a listened channel arrive with their payload", .timeLimit(.minutes(1)))
    func delivers() async throws {
        try await TestDatabase.with { database in
            let listener = PostgresListener(url: database.url, channels: ["molt_test_channel"])
            defer { listener.stop() }
            var events = listener.events.makeAsyncIterator()
            #expect(await events.next() == .reconnected)
            try await database.pool.query("SELECT pg_notify('other_channel', 'ignored')")
            try await database.pool.query("SELECT pg_notify('molt_test_channel', \("hello ✓"))")
            guard case .notification(let notification) = await events.next() else {
                Issue.record("expected a notification")
                return
            }
            #expect(notification.channel == "molt_test_channel")
            #expect(notification.payload == "hello ✓")
        }
    }
}
