import Foundation
import Testing

@testable import MoltTUI

@Suite("Backend down: banner, retry countdown, backoff, recovery")
struct BackendOutageTests {
    let now = ConsoleFixtures.now

    @Test("backoff doubles from 1 s up to 30 s")
    func backoff() {
        let waits = (0..<8).map { BackendOutage.backoff(afterAttempts: $0) }
        #expect(waits == [1, 2, 4, 8, 16, 30, 30, 30].map { Duration.seconds($0) })
    }

    @Test("an unreachable server raises the banner, retries with backoff and recovers")
    func outageAndRecovery() async {
        var store = ConsoleFixtures.startedStore(check: ConsoleFixtures.unreachable())
        let failure = ConsoleFixtures.unreachable()
        store.send(
            .screen(route: 1, .health(.checkFinished(failure))),
            effects: ["delay app.backend.retry 1.0 seconds", "timer app.tick every 0.25 seconds"]
        ) {
            $0.health.isChecking = false
            $0.health.record(failure)
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "connection refused", since: now, attempt: 0, nextRetry: now.addingTimeInterval(1),
                    isRetrying: false))
            $0.tickInterval = .milliseconds(250)
        }
        let banner = store.core.render(store.state, size: store.state.size).textLines[2]
        #expect(banner.contains("✖ Server unreachable: connection refused · retry 1 in 1s · r retries now"))

        let probe = store.send(
            .backendRetryDue,
            effects: ["cancel app.backend.retry", "run app.backend.probe", "timer app.tick every 0.1 seconds"]
        ) {
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "connection refused", since: now, attempt: 0, nextRetry: now.addingTimeInterval(1),
                    isRetrying: true))
            $0.tickInterval = .milliseconds(100)
        }
        #expect(await messages(from: probe[1]) == [.backendProbeFinished(failure)])
        store.send(.backendRetryDue, effects: [])

        store.send(
            .backendProbeFinished(failure),
            effects: ["delay app.backend.retry 2.0 seconds", "timer app.tick every 0.25 seconds"]
        ) {
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "connection refused", since: now, attempt: 1, nextRetry: now.addingTimeInterval(2),
                    isRetrying: false))
            $0.tickInterval = .milliseconds(250)
        }

        store.press(
            .character("r"),
            effects: ["cancel app.backend.retry", "run app.backend.probe", "timer app.tick every 0.1 seconds"]
        ) {
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "connection refused", since: now, attempt: 1, nextRetry: now.addingTimeInterval(2),
                    isRetrying: true))
            $0.tickInterval = .milliseconds(100)
        }

        store.send(
            .backendProbeFinished(ConsoleFixtures.healthy()),
            effects: [
                "cancel app.backend.retry", "cancel app.backend.probe", "delay app.flash 4.0 seconds",
                "run route1/check",
            ]
        ) {
            $0.backend = .reachable
            $0.flash = Flash(.success, "Server reachable again")
            $0.flashSerial = 1
            $0.health.isChecking = true
        }
    }

    @Test("a failure during an outage only updates its reason")
    func failureDuringOutage() {
        var store = ConsoleFixtures.startedStore()
        var state = store.state
        state.backend = .unreachable(
            BackendOutage(
                reason: "timed out", since: now, attempt: 3, nextRetry: now.addingTimeInterval(8), isRetrying: false))
        state.tickInterval = .milliseconds(100)
        store = ConsoleTestStore(core: store.core, state: state)
        let failure = ConsoleFixtures.unreachable()
        store.send(.screen(route: 1, .health(.checkFinished(failure))), effects: ["timer app.tick every 0.25 seconds"])
        {
            $0.health.isChecking = false
            $0.health.record(failure)
            $0.backend = .unreachable(
                BackendOutage(
                    reason: "connection refused", since: now, attempt: 3, nextRetry: now.addingTimeInterval(8),
                    isRetrying: false))
            $0.tickInterval = .milliseconds(250)
        }
    }
}
