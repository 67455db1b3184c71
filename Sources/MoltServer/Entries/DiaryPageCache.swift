import Foundation
import MoltCore
import MoltPostgres
import Synchronization

/// Encoded pages of diary entries (`GET /diaries/{id}/entries` without filters), so reading a page again
/// costs a dictionary lookup and the caller's access check instead of a database round trip and encoding.
///
/// A page is dropped when anything about its diary changes. This process's own writes drop it at once, after
/// they committed (`invalidate(_:)`), so a caller always reads its own writes; every committed change from
/// anywhere (molt-admin, psql, `moltnetd backfill-embeddings`, another server) drops it when its
/// `moltnet_diary_changed` notification arrives (migration 0007, `follow(_:)`). A page read from the database
/// before a concurrent change is not stored (`ticket()`). Nothing is served until the notification listener
/// is connected, everything is dropped whenever it (re)connects, and a page lives at most `lifetime`, which
/// bounds what a listener outage could hide. At most `byteBudget` bytes of pages are kept; beyond that whole
/// diaries are evicted. Access is not cached: the diary's owner and visibility are stored with the page and
/// the caller's right to read is decided on every hit.
final class DiaryPageCache: Sendable {
    /// The notification channel of migration 0007; its payload is the diary's id.
    static let channel = "moltnet_diary_changed"

    /// A cached page: the encoded `DiaryList` and the diary it was read with.
    struct Page: Sendable {
        let diary: DiaryCatalog
        let body: [UInt8]
    }

    /// Taken before reading from the database; a store with a ticket older than a change of the diary is void.
    struct Ticket: Sendable {
        fileprivate let generation: UInt64
    }

    fileprivate struct PageKey: Hashable {
        let limit: Int
        let offset: Int
    }

    fileprivate struct Stored {
        let page: Page
        let storedAt: ContinuousClock.Instant
    }

    fileprivate struct State {
        var pages: [DiaryID: [PageKey: Stored]] = [:]
        var bytes = 0
        /// Bumped by every invalidation.
        var generation: UInt64 = 0
        /// The generation of each diary's latest change; stores with older tickets are refused.
        var changedAt: [DiaryID: UInt64] = [:]
        /// The generation of the latest `invalidateAll`; older tickets are refused for every diary.
        var clearedAt: UInt64 = 0
        var listening = false
    }

    private let state = Mutex(State())
    let lifetime: Duration
    let byteBudget: Int

    init(lifetime: Duration = .seconds(5), byteBudget: Int = 64 << 20) {
        self.lifetime = lifetime
        self.byteBudget = byteBudget
    }

    /// The cached page, when there is a fresh one.
    func page(_ diary: DiaryID, limit: Int, offset: Int) -> Page? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard state.listening, let stored = state.pages[diary]?[PageKey(limit: limit, offset: offset)] else {
                return nil
            }
            guard now - stored.storedAt < lifetime else {
                state.remove(diary, PageKey(limit: limit, offset: offset))
                return nil
            }
            return stored.page
        }
    }

    /// Take one before reading a page from the database, and pass it to `store`.
    func ticket() -> Ticket {
        state.withLock { Ticket(generation: $0.generation) }
    }

    /// Keeps a page read with `ticket`, unless its diary changed (or everything was dropped) since.
    func store(_ page: Page, limit: Int, offset: Int, ticket: Ticket) {
        let size = page.body.count
        guard size <= byteBudget / 8 else { return }
        let stored = Stored(page: page, storedAt: .now)
        state.withLock { state in
            let diary = page.diary.id
            guard state.listening, ticket.generation >= state.clearedAt,
                ticket.generation >= state.changedAt[diary, default: 0]
            else { return }
            let key = PageKey(limit: limit, offset: offset)
            state.remove(diary, key)
            while state.bytes + size > byteBudget, let victim = state.pages.keys.first {
                state.removeAll(of: victim)
            }
            state.pages[diary, default: [:]][key] = stored
            state.bytes += size
        }
    }

    /// Drops the diary's pages; call after a change to the diary or its entries committed.
    func invalidate(_ diary: DiaryID) {
        state.withLock { state in
            state.generation &+= 1
            state.removeAll(of: diary)
            if state.changedAt.count >= 10_000 {
                state.changedAt.removeAll(keepingCapacity: true)
                state.clearedAt = state.generation
            } else {
                state.changedAt[diary] = state.generation
            }
        }
    }

    /// Drops every page.
    func invalidateAll() {
        state.withLock { state in
            state.generation &+= 1
            state.clearedAt = state.generation
            state.changedAt.removeAll(keepingCapacity: true)
            state.pages.removeAll()
            state.bytes = 0
        }
    }

    /// Follows the change notifications until the stream ends: pages are served only while it is connected,
    /// and everything is dropped whenever it (re)connects, since notifications sent meanwhile were lost.
    func follow(_ events: AsyncStream<PostgresListener.Event>) async {
        for await event in events {
            switch event {
            case .reconnected:
                connected()
            case .notification(let notification):
                if let diary = DiaryID(notification.payload) {
                    invalidate(diary)
                } else {
                    invalidateAll()
                }
            }
        }
        disconnected()
    }

    /// The change listener is (re)connected: forget everything and start serving.
    func connected() {
        invalidateAll()
        state.withLock { $0.listening = true }
    }

    /// The change listener is gone: stop serving, forget everything.
    func disconnected() {
        state.withLock { $0.listening = false }
        invalidateAll()
    }

    /// Whether pages are served (the change listener is connected).
    var isListening: Bool { state.withLock { $0.listening } }

    /// The number of pages and bytes kept (for tests and diagnostics).
    var usage: (pages: Int, bytes: Int) {
        state.withLock { state in (state.pages.values.reduce(0) { $0 + $1.count }, state.bytes) }
    }
}

extension DiaryPageCache.State {
    fileprivate mutating func remove(_ diary: DiaryID, _ key: DiaryPageCache.PageKey) {
        guard let old = pages[diary]?.removeValue(forKey: key) else { return }
        bytes -= old.page.body.count
        if pages[diary]?.isEmpty == true { pages[diary] = nil }
    }

    fileprivate mutating func removeAll(of diary: DiaryID) {
        guard let removed = pages.removeValue(forKey: diary) else { return }
        bytes -= removed.values.reduce(0) { $0 + $1.page.body.count }
    }
}
