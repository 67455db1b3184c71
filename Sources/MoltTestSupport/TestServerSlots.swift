import Foundation

/// How many `TestServer`s a test process runs at once (`MOLTNET_TEST_SERVERS`, default 6).
///
/// Each server needs a database cloned from a template and dropped afterwards (about half a second of
/// PostgreSQL work each), plus its listeners and workflow engine. Started all at once, a hundred server
/// tests on two cores share the machine so thinly that every one of them takes over a minute and time
/// limits fail; admitted a few at a time, in arrival order, each runs in about a second. A task that
/// already holds a slot (a test starting a second server inside the first) is not made to wait again.
actor TestServerSlots {
    static let shared = TestServerSlots(
        limit: ProcessInfo.processInfo.environment["MOLTNET_TEST_SERVERS"].flatMap(Int.init).map { max(1, $0) } ?? 12)

    @TaskLocal static var holding = false

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` once a slot is free (at once when this task already holds one).
    nonisolated func withSlot<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if Self.holding { return try await body() }
        await acquire()
        do {
            let value = try await Self.$holding.withValue(true) { try await body() }
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            // The slot passes straight to the longest waiter.
            waiting.removeFirst().resume()
        }
    }
}
