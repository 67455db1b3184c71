import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// `enter` on Signing requests and Invitations (their detail screens) and `y` on Relation tuples (the tuple copied).
@Suite("Open and copy keys: signing requests, relation tuples")
struct OpenAndCopyKeyTests {
    @Test("Signing: enter opens the selected request's detail; esc comes back to it, reloading the list")
    func signingOpen() {
        var signing = SigningState()
        signing.list.replace(DemoFixtures.signingRequests, spec: SigningFeature.spec)
        var store = ScreenStores.store([.signing(signing)])
        store.tap(.character("j"), .character("j"))
        guard case .signing(let moved) = store.state.topScreen, let request = moved.list.selected else {
            Issue.record("no selected request")
            return
        }
        store.exercise(.keyPressed(.enter))
        #expect(store.state.stack.count == 2)
        #expect(store.state.topScreen == .document(SigningFeature.document(request, now: ConsoleFixtures.now)))
        let back = store.exercise(.keyPressed(.escape))
        #expect(back.map(\.description).contains("run route1/load"), "the list is read again")
        guard case .signing(let after) = store.state.topScreen else { return }
        #expect(after.list.selected == request, "the selection stays")
    }

    @Test("Signing: enter on an empty list opens nothing")
    func signingOpenNothing() {
        var store = ScreenStores.store([.signing(SigningState())])
        store.press(.enter)
        #expect(store.state.stack.count == 1)
    }

    @Test("Invitations: enter opens the selected invitation's detail; esc comes back")
    func invitationOpen() {
        var invitations = InvitationsState()
        invitations.list.replace(DemoFixtures.invitations, spec: InvitationsFeature.spec)
        var store = ScreenStores.store([.invitations(invitations)])
        store.exercise(.keyPressed(.enter))
        #expect(store.state.stack.count == 2)
        guard case .document(let document) = store.state.topScreen else {
            Issue.record("no detail screen: \(store.state.topScreen)")
            return
        }
        #expect(document.title == "Invitation")
        store.exercise(.keyPressed(.escape))
        #expect(store.state.stack.count == 1)
    }

    @Test("Relations: y copies the selected tuple and says so")
    func relationsCopy() {
        var relations = RelationsState()
        relations.list.replace(DemoFixtures.tuples, spec: RelationsFeature.spec)
        var store = ScreenStores.store([.relations(relations)], mode: .operator)
        store.tap(.character("j"))
        guard case .relations(let moved) = store.state.topScreen, let tuple = moved.list.selected else { return }
        let effects = store.exercise(.keyPressed(.character("y")))
        guard case .command(.copy(let text, let what)) = effects.first else {
            Issue.record("no copy: \(effects.map(\.description))")
            return
        }
        #expect(text == tuple.description && what == "the tuple")
        #expect(store.state.flash == Flash(.success, "Copied the tuple (OSC 52)"))
    }

    @Test("Relations: y with no tuple copies nothing")
    func relationsCopyNothing() {
        var relations = RelationsState()
        relations.list.replace([], spec: RelationsFeature.spec)
        var store = ScreenStores.store([.relations(relations)], mode: .operator)
        store.press(.character("y"), effects: [])
    }
}
