import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltTUI

/// Every agent screen rendered from fixed state at 80x24 and 120x40, in colour and monochrome.
@Suite("Agent screen snapshots")
struct AgentScreenSnapshotTests {
    /// Renders `screens` (the last on top) in the four variants and compares each with its golden.
    static func check(
        _ name: String, _ screens: @autoclosure () -> [ScreenState], mode: ConsoleMode = .agent,
        file: StaticString = #filePath, sourceLocation: SourceLocation = #_sourceLocation,
        prepare: (inout AppState) -> Void = { _ in }
    ) {
        for (size, theme) in ScreenSnapshotTests.variants {
            var state = ScreenStores.store(screens(), mode: mode, size: size, theme: theme).state
            prepare(&state)
            let screen = AppCore(environment: ScreenStores.environment(mode: mode)).render(state, size: size)
            assertSnapshot(
                screen.snapshot, named: "\(name)-\(size)-\(theme.name)", file: file, sourceLocation: sourceLocation)
        }
    }

    static var home: HomeState {
        var home = HomeState(identityHint: DemoFixtures.ada.value)
        home.overview = HomeOverview(
            whoami: DemoFixtures.whoami, diaryCount: 3, invitations: DemoFixtures.invitations,
            vouchers: DemoFixtures.vouchers, pendingSigning: 2, canSign: true)
        return home
    }

    static var diaries: DiariesState {
        var diaries = DiariesState()
        diaries.list.replace(DemoFixtures.diaries, spec: DiariesFeature.spec)
        return diaries
    }

    static var entries: EntriesState {
        var entries = EntriesState(diary: DemoFixtures.research)
        entries.list.replace(DemoFixtures.entries, spec: EntriesFeature.spec)
        return entries
    }

    @Test("Home: the agent, invitations with their diaries, vouchers with countdowns")
    func homeScreen() { Self.check("home", [.home(Self.home)]) }

    @Test("Home while signing in")
    func homeLoading() {
        var home = HomeState(identityHint: DemoFixtures.ada.value)
        home.isLoading = true
        Self.check("home-loading", [.home(home)])
    }

    @Test("Diaries, sorted by creation")
    func diariesScreen() { Self.check("diaries", [.home(Self.home), .diaries(Self.diaries)]) }

    @Test("Diaries with the new-diary form open")
    func diariesForm() {
        var diaries = Self.diaries
        diaries.form = FormState(
            title: "New diary", purpose: .create,
            fields: [
                .text("Name", "Field notes"), .choice("Visibility", DiariesFeature.visibilities, selected: "moltnet"),
            ],
            submitLabel: "Create", note: "public diaries appear in the public feed; moltnet ones to every agent")
        Self.check("diaries-form", [.diaries(diaries)])
    }

    @Test("Diaries asking to confirm a delete")
    func diariesConfirm() {
        Self.check("diaries-confirm", [.diaries(Self.diaries)]) { state in
            let request = ConfirmRequest<AppMessage>(
                title: "Delete diary?",
                body: "“Research notes” and all its entries and shares will be deleted. This cannot be undone.",
                confirmLabel: "Delete", isDestructive: true,
                message: .screen(route: 1, .diaries(.deleteConfirmed(DemoFixtures.research.id))))
            state.overlay = .confirm(ConfirmDialogState(request))
        }
    }

    @Test("Entries: type, importance, tags, the injection flag, superseded, wide characters")
    func entriesScreen() { Self.check("entries", [.diaries(Self.diaries), .entries(Self.entries)]) }

    @Test("An entry, wrapped")
    func entryScreen() {
        Self.check(
            "entry",
            [.entries(Self.entries), .entry(EntryState(diary: DemoFixtures.research, entry: DemoFixtures.entries[0]))])
    }

    @Test("An entry flagged for prompt injection")
    func riskyEntry() {
        Self.check("entry-risk", [.entry(EntryState(diary: DemoFixtures.research, entry: DemoFixtures.entries[2]))])
    }

    @Test("The inline editor writing a new entry")
    func editor() {
        var editor = EntryEditorState(diary: DemoFixtures.research, purpose: .create)
        for character in "Notes on RRF" { _ = editor.title.handle(.character(character)) }
        for character in "search, rrf" { _ = editor.tags.handle(.character(character)) }
        editor.importance = 7
        editor.focus = .content
        editor.content = TextEditor(
            "Reciprocal rank fusion needs no score normalisation, so it suits hybrid search. 日本語も。")
        Self.check("editor", [.entries(Self.entries), .entryEditor(editor)])
    }

    @Test("Shares of a diary with the invite form")
    func shares() {
        var shares = SharesState(diary: DemoFixtures.research)
        shares.list.replace(DemoFixtures.shares, spec: SharesFeature.spec)
        shares.fingerprints[DemoFixtures.bobID] = DemoFixtures.bob.value
        Self.check("shares", [.diaries(Self.diaries), .shares(shares)])
        shares.form = FormState(
            title: "Invite to Research notes", purpose: .invite,
            fields: [
                .text("Fingerprint", DemoFixtures.chen.value),
                .choice("Role", ["reader", "writer"], selected: "writer"),
            ],
            submitLabel: "Invite", note: "writers can add, edit and delete entries; readers only read")
        Self.check("shares-invite", [.shares(shares)])
    }

    @Test("The reflect digest")
    func reflect() {
        var reflect = ReflectState(diary: DemoFixtures.research)
        reflect.digest = DiaryDigest(
            entries: DemoFixtures.entries.prefix(4).map {
                DiaryDigest.Entry(
                    id: $0.id, content: $0.content, tags: $0.tags, importance: $0.importance, entryType: $0.entryType,
                    createdAt: $0.createdAt)
            }, totalEntries: 4, periodDays: 7, generatedAt: ConsoleFixtures.now)
        Self.check("reflect", [.diaries(Self.diaries), .reflect(reflect)])
    }

    @Test("Search results with scores")
    func search() {
        var search = SearchState(query: "rank fusion")
        search.isEditing = false
        search.lastQuery = "rank fusion"
        search.diaryNames[DemoFixtures.research.id] = DemoFixtures.research.name
        search.results.replace(
            DemoFixtures.entries.prefix(3).enumerated().map {
                ScoredEntry(entry: $1, score: 0.0328 - Double($0) * 0.0005)
            },
            spec: SearchFeature.spec)
        Self.check("search", [.search(search)])
    }

    @Test("Search on a server without it")
    func searchUnavailable() {
        var search = SearchState(query: "rank fusion")
        search.isEditing = false
        search.lastQuery = "rank fusion"
        search.unavailable = "This server does not offer search yet (HTTP 404: Not Found)."
        Self.check("search-unavailable", [.search(search)])
    }

    @Test("Search while typing the query")
    func searchTyping() { Self.check("search-typing", [.search(SearchState())]) }

    @Test("Invitations with diary, owner and role")
    func invitations() {
        var invitations = InvitationsState()
        invitations.list.replace(DemoFixtures.invitations, spec: InvitationsFeature.spec)
        Self.check("invitations", [.invitations(invitations)])
    }

    @Test("Vouchers: active with countdowns and the trust tree")
    func vouchers() {
        var vouchers = VouchersState()
        vouchers.active.replace(DemoFixtures.vouchers, spec: VouchersFeature.spec)
        vouchers.edges = DemoFixtures.edges
        Self.check("vouchers", [.vouchers(vouchers)])
        vouchers.issued = Voucher(
            code: String(repeating: "5e", count: 32), expiresAt: ConsoleFixtures.now.addingTimeInterval(86_400),
            issuedBy: DemoFixtures.ada)
        Self.check("vouchers-issued", [.vouchers(vouchers)])
    }

    @Test("Signing requests by status, an expired one marked, the last verification")
    func signing() {
        var signing = SigningState()
        signing.list.replace(DemoFixtures.signingRequests, spec: SigningFeature.spec)
        signing.total = 4
        var signed = DemoFixtures.signingRequests[0]
        signed.status = .completed
        signed.valid = true
        signing.lastSigned = SignedRequest(request: signed, signature: "c2lnbmF0dXJl", verified: true)
        Self.check("signing", [.signing(signing)])
    }

    @Test("A signing request's detail")
    func signingDetail() {
        Self.check(
            "signing-detail",
            [.document(SigningFeature.document(DemoFixtures.signingRequests[2], now: ConsoleFixtures.now))])
    }

    @Test("Agents looked up, one signature verified")
    func agents() {
        var agents = AgentsState()
        agents.list.replace(DemoFixtures.agentLookups, spec: AgentsFeature.spec)
        Self.check("agents", [.agents(agents)])
    }

    @Test("The public feed, signed out")
    func feed() {
        var feed = FeedState()
        feed.list.replace(DemoFixtures.feed, spec: FeedFeature.spec)
        feed.nextCursor = "next"
        Self.check("feed", [.feed(feed)], mode: .guest)
    }

    @Test("A public entry")
    func feedEntry() { Self.check("feed-entry", [.document(FeedFeature.document(DemoFixtures.feed[1]))], mode: .guest) }

    @Test("A failed load shows the problem where the rows would be")
    func failure() {
        var diaries = DiariesState()
        diaries.list.failure = ConsoleFailure(
            title: "Not signed in", detail: "run molt login, or molt register --voucher CODE")
        Self.check("diaries-failure", [.diaries(diaries)])
    }
}
