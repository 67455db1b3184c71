import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// Search, reflect, invitations, vouchers, signing, agents, the public feed and documents: every key.
@Suite("Agent screen keys")
struct AgentKeyTests {
    @Test("search: typing captures every key, enter searches, results carry scores, / edits again, t keeps a type")
    func search() async {
        var store = ScreenStores.store([.search(SearchState())])
        store.tap(.character("q"), .character("?"), .character("/"))
        guard case .search(let typed) = store.state.topScreen else { return }
        #expect(typed.query.text == "q?/", "q, ? and / type into the query")
        store.tap(.backspace, .backspace, .backspace)
        for character in "rank" { store.tap(.character(character)) }
        let effects = store.exercise(.keyPressed(.enter))
        #expect(effects.map(\.description).contains("run route1/search"))
        let results = await messages(from: effects[0])
        store.exercise(results[0])
        guard case .search(let found) = store.state.topScreen else { return }
        #expect(found.lastQuery == "rank" && !found.isEditing)
        #expect(found.results.rows.map(\.score) == [0.0328, 0.0323, 0.0318])
        store.tap(.character("j"))
        store.exercise(.keyPressed(.enter))
        #expect(store.state.topScreen.kind == .entry)
        store.exercise(.keyPressed(.escape))
        store.tap(.character("/"))
        guard case .search(let editing) = store.state.topScreen else { return }
        #expect(editing.isEditing)
        store.tap(.escape, .character("t"))
        guard case .search(let typedSearch) = store.state.topScreen else { return }
        #expect(typedSearch.type == .episodic)
    }

    @Test("search on a server without it (404) says so instead of failing")
    func searchUnavailable() {
        var store = ScreenStores.store([.search(SearchState(query: "x"))])
        store.exercise(
            .screen(route: 1, .search(.loaded(.failure(ConsoleFailure(title: "Not Found", status: 404)), query: "x"))))
        guard case .search(let search) = store.state.topScreen else { return }
        #expect(search.unavailable == "This server does not offer search yet (HTTP 404: Not Found).")
        #expect(store.state.flash?.kind == .info)
        #expect(store.state.backend.outage == nil)
    }

    @Test("reflect: + and - step the period, t the type, enter opens an entry")
    func reflect() {
        var store = ScreenStores.store([.reflect(ReflectState(diary: DemoFixtures.research))])
        var days: [Int] = []
        for key in ["+", "+", "+", "+", "-"] {
            store.exercise(.keyPressed(.character(Character(key))))
            guard case .reflect(let reflect) = store.state.topScreen else { return }
            days.append(reflect.days)
        }
        #expect(days == [30, 90, 365, 365, 90])
        store.exercise(.keyPressed(.character("t")))
        guard case .reflect(let reflect) = store.state.topScreen else { return }
        #expect(reflect.type == .episodic)
    }

    @Test("invitations: loading names the diaries that can be read; a and x answer in one key")
    func invitations() async {
        let molt = StubMoltService()
        let loaded = try? await InvitationsFeature.load(molt)
        #expect(loaded == DemoFixtures.invitations)
        var store = ScreenStores.store([.invitations(InvitationsState())], molt: molt)
        store.exercise(.screen(route: 1, .invitations(.loaded(.success(DemoFixtures.invitations)))))
        #expect(store.exercise(.keyPressed(.character("a"))).map(\.description).contains("run route1/answer"))
        #expect(store.exercise(.keyPressed(.character("x"))).isEmpty, "one answer at a time")
        var accepted = DemoFixtures.invitations[0].share
        accepted.status = .accepted
        store.exercise(.screen(route: 1, .invitations(.answered(.success(accepted), accepted: true))))
        #expect(store.state.flash == Flash(.success, "Accepted: you can now write Field notes"))
        store.exercise(.keyPressed(.enter))
        #expect(store.state.topScreen.kind == .document)
    }

    @Test("vouchers: n issues and shows the code once, y copies it, esc closes; tab scrolls the tree")
    func vouchers() {
        var store = ScreenStores.store([.vouchers(AgentScreenSnapshotTestsData.vouchers)])
        #expect(store.exercise(.keyPressed(.character("n"))).map(\.description).contains("run route1/issue"))
        let voucher = Voucher(
            code: String(repeating: "5e", count: 32), expiresAt: ConsoleFixtures.now, issuedBy: DemoFixtures.ada)
        store.exercise(.screen(route: 1, .vouchers(.issued(.success(voucher)))))
        guard case .vouchers(let shown) = store.state.topScreen else { return }
        #expect(shown.issued == voucher)
        #expect(store.exercise(.keyPressed(.character("y"))).map(\.description).first == "copy the voucher code")
        #expect(store.exercise(.keyPressed(.character("q"))).isEmpty, "q closes the code, it does not quit")
        store.tap(.tab, .character("j"))
        guard case .vouchers(let after) = store.state.topScreen else { return }
        #expect(after.issued == nil && after.focus == .graph)
    }

    @Test("signing: f cycles the status, s signs a pending request, refuses expired ones, n creates one")
    func signing() async {
        let molt = StubMoltService()
        var state = SigningState()
        state.list.replace(DemoFixtures.signingRequests, spec: SigningFeature.spec)
        var store = ScreenStores.store([.signing(state)], molt: molt)
        let effects = store.exercise(.keyPressed(.character("s")))
        #expect(effects.map(\.description).contains("run route1/sign"))
        let signed = await messages(from: effects[0])
        #expect(molt.calls == ["sign \(DemoFixtures.signingRequests[0].id)"])
        store.exercise(signed[0])
        #expect(store.state.flash?.title.contains("the server verified the signature ✔") == true)
        store.tap(.character("j"))
        store.exercise(.keyPressed(.character("s")))
        #expect(store.state.flash?.title == "Cannot sign this request")
        #expect(store.state.flash?.detail == "it has expired")
        store.exercise(.keyPressed(.character("f")))
        guard case .signing(let filtered) = store.state.topScreen else { return }
        #expect(filtered.status == .pending)
        store.tap(.character("n"))
        for character in "hello" { store.tap(.character(character)) }
        #expect(store.exercise(.keyPressed(.enter)).map(\.description).contains("run route1/create"))
    }

    @Test("signing without a private key says so")
    func signingWithoutKey() {
        let molt = StubMoltService()
        molt.hasKey = false
        var state = SigningState()
        state.list.replace(DemoFixtures.signingRequests, spec: SigningFeature.spec)
        var store = ScreenStores.store([.signing(state)], molt: molt)
        store.exercise(.keyPressed(.character("s")))
        #expect(store.state.flash?.title == "No private key here")
    }

    @Test("agents: l looks up a fingerprint, v verifies a signature by the selected agent")
    func agents() {
        var store = ScreenStores.store([.agents(AgentsState())])
        store.exercise(.keyPressed(.character("v")))
        #expect(store.state.flash?.title == "Look up an agent first")
        store.tap(.character("l"))
        for character in DemoFixtures.bob.value { store.tap(.character(character)) }
        #expect(store.exercise(.keyPressed(.enter)).map(\.description).contains("run route1/lookup"))
        let profile = AgentProfile(publicKey: DemoFixtures.bobKey.publicKey.wireValue, fingerprint: DemoFixtures.bob)
        store.exercise(.screen(route: 1, .agents(.lookedUp(.success(profile)))))
        store.tap(.character("v"))
        for character in "c2ln" { store.tap(.character(character)) }
        #expect(store.exercise(.keyPressed(.enter)).map(\.description).contains("run route1/verify"))
        store.exercise(
            .screen(
                route: 1,
                .agents(
                    .verified(.success(VerifyResult(valid: true)), fingerprint: DemoFixtures.bob, signature: "c2ln"))))
        guard case .agents(let agents) = store.state.topScreen else { return }
        #expect(agents.list.selected?.verification == SignatureCheck(signature: "c2ln", valid: true))
        #expect(store.exercise(.keyPressed(.character("y"))).map(\.description).first == "copy the public key")
    }

    @Test("feed: s searches, t keeps a tag, x goes back to the feed, paging follows the cursor")
    func feed() {
        var store = ScreenStores.store([.feed(FeedState())], mode: .guest)
        store.exercise(
            .screen(
                route: 1,
                .feed(
                    .loaded(.success(PublicFeedResponse(items: DemoFixtures.feed, nextCursor: "c1")), appending: false))
            ))
        #expect(store.exercise(.keyPressed(.character("G"))).map(\.description).contains("run route1/load"))
        store.exercise(
            .screen(route: 1, .feed(.loaded(.success(PublicFeedResponse(items: [], nextCursor: nil)), appending: true)))
        )
        store.tap(.character("s"), .character("r"))
        store.exercise(.keyPressed(.enter))
        guard case .feed(let short) = store.state.topScreen else { return }
        #expect(short.form?.note == "A query has 2 to 200 characters.")
        store.tap(.character("r"))
        #expect(store.exercise(.keyPressed(.enter)).map(\.description).contains("run route1/load"))
        guard case .feed(let searching) = store.state.topScreen else { return }
        #expect(searching.search == "rr")
        store.exercise(.keyPressed(.character("x")))
        guard case .feed(let cleared) = store.state.topScreen else { return }
        #expect(cleared.search == nil)
        store.exercise(.screen(route: 1, .feed(.searched(.success(DemoFixtures.feed)))))
        store.exercise(.keyPressed(.enter))
        #expect(store.state.topScreen.kind == .document)
    }

    @Test("a document scrolls and copies")
    func document() {
        var store = ScreenStores.store(
            [.document(FeedFeature.document(DemoFixtures.feed[1]))], mode: .guest,
            size: TerminalSize(columns: 60, rows: 12))
        store.tap(.character("G"))
        guard case .document(let document) = store.state.topScreen else { return }
        #expect(document.scroll.offset > 0)
        #expect(store.exercise(.keyPressed(.character("y"))).map(\.description).first == "copy the content")
    }

    @Test("read-only mode removes every mutating key of the agent screens")
    func readOnly() {
        let screens: [ScreenState] = [
            .home(AgentScreenSnapshotTests.home), .diaries(AgentScreenSnapshotTests.diaries),
            .entries(AgentScreenSnapshotTests.entries),
            .entry(EntryState(diary: DemoFixtures.research, entry: DemoFixtures.entries[0])),
            .shares(SharesState(diary: DemoFixtures.research)), .invitations(InvitationsState()),
            .vouchers(VouchersState()),
            .signing(SigningState()),
        ]
        for screen in screens {
            let store = ScreenStores.store([screen], readOnly: true)
            let core = store.core
            let all = core.screens.box(screen).bindings(core.featureContext(store.state))
            let shown = core.screens.bindings(screen, core.featureContext(store.state))
            #expect(all.contains { $0.isMutating }, "\(screen.kind) has mutating keys")
            #expect(!shown.contains { $0.isMutating }, "\(screen.kind) hides them when read-only")
        }
    }
}

/// Shared states for the key tests.
enum AgentScreenSnapshotTestsData {
    static var vouchers: VouchersState {
        var vouchers = VouchersState()
        vouchers.active.replace(DemoFixtures.vouchers, spec: VouchersFeature.spec)
        vouchers.edges = DemoFixtures.edges
        return vouchers
    }
}
