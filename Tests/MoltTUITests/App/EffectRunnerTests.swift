import Foundation
import Testing

@testable import MoltTUI

/// The effect runner with real (short) timers; every wait is bounded.
@Suite("Effect runner: tasks, timers, delays, cancellation")
@MainActor
struct EffectRunnerTests {
    /// A runner whose messages arrive on a stream, and a way to wait for them.
    @MainActor
    final class Harness {
        let stream: AsyncStream<Int>
        let runner: EffectRunner<Int>
        private var iterator: AsyncStream<Int>.Iterator

        init() {
            let (stream, continuation) = AsyncStream<Int>.makeStream()
            self.stream = stream
            self.runner = EffectRunner { continuation.yield($0) }
            self.iterator = stream.makeAsyncIterator()
        }

        /// The next message, or nil when none arrives within `timeout`.
        func next(within timeout: Duration = .seconds(5)) async -> Int? {
            let box = IteratorBox(iterator)
            let value = await withTaskGroup(of: Int?.self) { group in
                group.addTask { await box.next() }
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
            iterator = box.iterator
            return value
        }
    }

    final class IteratorBox: @unchecked Sendable {
        // Used by one task at a time (the waiting task), never concurrently.
        var iterator: AsyncStream<Int>.Iterator
        init(_ iterator: AsyncStream<Int>.Iterator) { self.iterator = iterator }
        func next() async -> Int? { await iterator.next() }
    }

    @Test("a run effect sends its messages back")
    func run() async {
        let harness = Harness()
        harness.runner.perform(
            .run("work") { send in
                send(1)
                send(2)
            })
        #expect(await harness.next() == 1)
        #expect(await harness.next() == 2)
    }

    @Test("cancelling a run effect stops it before it sends")
    func cancelRun() async {
        let harness = Harness()
        harness.runner.perform(
            .run("slow") { send in
                try? await Task.sleep(for: .seconds(30))
                if !Task.isCancelled { send(1) }
            })
        #expect(harness.runner.runningIDs == ["slow"])
        harness.runner.perform(.cancel("slow"))
        #expect(harness.runner.runningIDs.isEmpty)
        #expect(await harness.next(within: .milliseconds(200)) == nil)
    }

    @Test("a timer repeats until cancelled; a delay fires once")
    func timersAndDelays() async {
        let harness = Harness()
        harness.runner.perform(.timer("tick", every: .milliseconds(10), 7))
        #expect(await harness.next() == 7)
        #expect(await harness.next() == 7)
        harness.runner.perform(.cancel("tick"))
        harness.runner.perform(.delay("later", .milliseconds(20), 9))
        var seen: [Int] = []
        while let value = await harness.next(within: .milliseconds(300)) { seen.append(value) }
        #expect(seen.last == 9)
        #expect(seen.filter { $0 == 9 }.count == 1)
        let afterDelay = seen.drop { $0 != 9 }.dropFirst()
        #expect(!afterDelay.contains(7), "no tick arrives after the cancelled timer's successor fired")
    }

    @Test("starting an id that runs replaces it; cancelling a scope cancels everything under it")
    func replaceAndScope() async {
        let harness = Harness()
        harness.runner.perform(.delay("route1/refresh", .seconds(30), 1))
        harness.runner.perform(.delay("route1/check", .seconds(30), 2))
        harness.runner.perform(.delay("route2/check", .seconds(30), 3))
        harness.runner.perform(.delay("route10/check", .seconds(30), 4))
        harness.runner.perform(.delay("route1/check", .milliseconds(10), 5))
        #expect(await harness.next() == 5)
        harness.runner.perform(.cancel("route1"))
        #expect(harness.runner.runningIDs == ["route2/check", "route10/check"])
        harness.runner.cancelAll()
        #expect(harness.runner.runningIDs.isEmpty)
    }

    @Test("commands are handed back to the caller")
    func commands() {
        let harness = Harness()
        let command = harness.runner.perform(.command(.copy("text", what: "the text")))
        #expect(command?.description == "copy the text")
        #expect(harness.runner.perform(.command(.quit))?.description == "quit")
    }
}
