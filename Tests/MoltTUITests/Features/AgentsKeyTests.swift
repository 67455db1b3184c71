import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// The Agents screen's `enter` (an agent's detail) and `r` (every listed profile read again).
@Suite("Agents keys: open and refresh")
struct AgentsKeyTests {
    /// Bob (a signature checked) and Chen, as the Agents snapshot shows them.
    static var agents: AgentsState {
        var agents = AgentsState()
        agents.list.replace(DemoFixtures.agentLookups, spec: AgentsFeature.spec)
        return agents
    }

    @Test("enter opens the selected agent: fingerprint, public key and the signature checked")
    func open() {
        var store = ScreenStores.store([.agents(Self.agents)])
        store.exercise(.keyPressed(.enter))
        #expect(store.state.stack.count == 2)
        guard case .document(let document) = store.state.topScreen else {
            Issue.record("no detail screen")
            return
        }
        #expect(document.title == DemoFixtures.bob.value)
        #expect(document.copyText == DemoFixtures.bobKey.publicKey.wireValue)
        let lines = document.paragraphs.map(\.text)
        #expect(lines.contains { $0.hasPrefix("Fingerprint") && $0.hasSuffix(DemoFixtures.bob.value) })
        #expect(lines.contains { $0.hasPrefix("Signature") && $0.hasSuffix("c2ln") })
        #expect(lines.contains { $0.hasPrefix("Verified") && $0.hasSuffix("valid ✔") })

        store.exercise(.keyPressed(.escape))
        store.tap(.character("j"))
        store.exercise(.keyPressed(.enter))
        guard case .document(let chen) = store.state.topScreen else { return }
        #expect(chen.title == DemoFixtures.chen.value)
        #expect(!chen.paragraphs.contains { $0.text.hasPrefix("Verified") }, "no signature checked for Chen")
    }

    @Test("enter on an empty list opens nothing")
    func openNothing() {
        var store = ScreenStores.store([.agents(AgentsState())])
        store.press(.enter)
        #expect(store.state.stack.count == 1)
    }

    @Test("r reads every listed profile again, keeping the signatures checked and the selection")
    func refresh() async {
        let molt = StubMoltService()
        var stale = Self.agents
        stale.list.replace(
            stale.list.rows.map {
                AgentLookup(
                    profile: AgentProfile(publicKey: "stale", fingerprint: $0.profile.fingerprint),
                    verification: $0.verification)
            }, spec: AgentsFeature.spec)
        stale.list.viewport = TableViewport(selected: 1, offset: 0)
        var store = ScreenStores.store([.agents(stale)], molt: molt)
        #expect(store.core.keyHints(store.state).map(\.keys).contains("r"))
        let effects = store.press(.character("r"), effects: ["run route1/refresh", "timer app.tick every 0.1 seconds"])
        {
            var busy = stale
            busy.isBusy = true
            $0.topScreen = .agents(busy)
            $0.tickInterval = .milliseconds(100)
        }
        store.press(.character("r"), effects: [])
        let refreshed = await messages(from: effects[0])
        #expect(molt.calls == ["profile \(DemoFixtures.bob)", "profile \(DemoFixtures.chen)"])
        let profiles = [DemoFixtures.bobKey, DemoFixtures.chenKey].map {
            AgentProfile(publicKey: $0.publicKey.wireValue, fingerprint: $0.publicKey.fingerprint)
        }
        #expect(refreshed == [.screen(route: 1, .agents(.refreshed(.success(profiles))))])
        store.exercise(refreshed[0])
        guard case .agents(let after) = store.state.topScreen else { return }
        #expect(!after.isBusy)
        #expect(after.list.rows == Self.agents.list.rows, "fresh keys, the signature check kept")
        #expect(after.list.selected?.profile.fingerprint == DemoFixtures.chen)
    }

    @Test("r with no agent looked up does nothing; a failed refresh reports the problem")
    func refreshNothingAndFailure() {
        var empty = ScreenStores.store([.agents(AgentsState())])
        empty.press(.character("r"), effects: [])

        var store = ScreenStores.store([.agents(Self.agents)])
        store.exercise(.keyPressed(.character("r")))
        store.exercise(
            .screen(route: 1, .agents(.refreshed(.failure(ConsoleFailure(title: "Not Found", status: 404))))))
        guard case .agents(let after) = store.state.topScreen else { return }
        #expect(!after.isBusy)
        #expect(after.list.rows == Self.agents.list.rows)
        #expect(store.state.flash?.title == "Not Found")
    }
}
