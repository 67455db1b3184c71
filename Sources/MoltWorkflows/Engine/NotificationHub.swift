import MoltPostgres
import Synchronization

/// Routes LISTEN/NOTIFY traffic to the waits that care: `recv` waits on `dbos_notifications_channel`
/// (payload `destination::topic`), `getEvent` on `dbos_workflow_events_channel` (payload `workflow::key`),
/// and result waits on local completions.
///
/// A wait registers a `WakeSignal` under a key before it reads the table, then sleeps until a matching
/// notification, its timeout, or the polling interval, and reads again: a lost notification (reconnect)
/// costs at most one polling interval.
final class NotificationHub: Sendable {
    static let messagesChannel = "dbos_notifications_channel"
    static let eventsChannel = "dbos_workflow_events_channel"

    private let waiters = Mutex<[String: [ObjectIdentifier: WakeSignal]]>([:])

    init() {}

    static func messageKey(destination: String, topic: String?) -> String {
        "m:\(destination)::\(topic ?? nullTopic)"
    }

    static func eventKey(workflowID: String, key: String) -> String {
        "e:\(workflowID)::\(key)"
    }

    static func completionKey(workflowID: String) -> String {
        "c:\(workflowID)"
    }

    /// Registers `signal` under `key` for the duration of `body`.
    func watching<T>(_ key: String, _ signal: WakeSignal, _ body: () async throws -> T) async rethrows -> T {
        waiters.withLock { $0[key, default: [:]][ObjectIdentifier(signal)] = signal }
        defer {
            waiters.withLock { waiters in
                waiters[key]?[ObjectIdentifier(signal)] = nil
                if waiters[key]?.isEmpty == true { waiters[key] = nil }
            }
        }
        return try await body()
    }

    /// Wakes every wait registered under `key`.
    func fire(_ key: String) {
        let signals = waiters.withLock { $0[key].map { Array($0.values) } ?? [] }
        signals.forEach { $0.fire() }
    }

    /// Wakes every wait (after a reconnect, when notifications may have been lost).
    func fireAll() {
        let signals = waiters.withLock { $0.values.flatMap(\.values) }
        signals.forEach { $0.fire() }
    }

    /// Consumes a listener's events until it stops.
    func pump(_ listener: PostgresListener) async {
        for await event in listener.events {
            switch event {
            case .reconnected:
                fireAll()
            case .notification(let notification):
                switch notification.channel {
                case Self.messagesChannel: fire("m:" + notification.payload)
                case Self.eventsChannel: fire("e:" + notification.payload)
                default: break
                }
            }
        }
    }
}
