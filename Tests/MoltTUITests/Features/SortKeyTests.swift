import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// `o` and `O` on every list screen that did not have its own sorting test: `o` moves the sort to the next
/// column (wrapping round), `O` reverses it, the rows end up in that order, and both keys are listed in the
/// footer and the help overlay.
@Suite("Sorting keys on the list screens")
struct SortKeyTests {
    /// Presses `o` once per sortable column and once more (back to the first), then `O`; after each key the
    /// screen's state must be exactly the expected one and its rows ordered by the sorted column.
    static func checkSorting<State, Row>(
        _ state: State, _ wrap: @escaping (State) -> ScreenState, list: WritableKeyPath<State, ListState<Row>>,
        spec: ListSpec<Row>, columns: Int, mode: ConsoleMode = .agent,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(spec.sortableColumns == columns, "sortable columns", sourceLocation: sourceLocation)
        #expect(state[keyPath: list].count >= 2, "a list worth sorting", sourceLocation: sourceLocation)
        var store = ScreenStores.store([wrap(state)], mode: mode)
        let keys = store.core.keyHints(store.state).map(\.keys)
        #expect(keys.contains("o") && keys.contains("O"), "o and O are listed: \(keys)", sourceLocation: sourceLocation)
        var expected = state
        let start = state[keyPath: list].sort
        var column = start?.column ?? -1
        let ascending = start?.ascending ?? true
        for _ in 0...columns {
            column = (column + 1) % columns
            let sort = TableSort(column: column, ascending: ascending)
            store.press(.character("o"), sourceLocation: sourceLocation) {
                expected[keyPath: list].setSort(sort, spec: spec)
                $0.topScreen = wrap(expected)
            }
            expectOrdered(expected[keyPath: list], by: sort, spec: spec, sourceLocation: sourceLocation)
        }
        let reversed = TableSort(column: column, ascending: !ascending)
        store.press(.character("O"), sourceLocation: sourceLocation) {
            expected[keyPath: list].setSort(reversed, spec: spec)
            $0.topScreen = wrap(expected)
        }
        expectOrdered(expected[keyPath: list], by: reversed, spec: spec, sourceLocation: sourceLocation)
    }

    /// The visible rows follow `sort`.
    static func expectOrdered<Row>(
        _ list: ListState<Row>, by sort: TableSort, spec: ListSpec<Row>, sourceLocation: SourceLocation
    ) {
        #expect(list.sort == sort, sourceLocation: sourceLocation)
        for index in 0..<max(list.count - 1, 0) {
            let order = spec.compare(list.row(at: index), list.row(at: index + 1), sort.column)
            #expect(
                sort.ascending ? order <= 0 : order >= 0, "rows \(index) and \(index + 1) by column \(sort.column)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("Entries: o cycles its six columns; O reverses")
    func entries() {
        Self.checkSorting(
            AgentScreenSnapshotTests.entries, ScreenState.entries, list: \.list, spec: EntriesFeature.spec, columns: 6)
    }

    @Test("Shares: o cycles agent, role, status, invited; O reverses")
    func shares() {
        var shares = SharesState(diary: DemoFixtures.research)
        shares.list.replace(DemoFixtures.shares, spec: SharesFeature.spec)
        Self.checkSorting(shares, ScreenState.shares, list: \.list, spec: SharesFeature.spec, columns: 4)
    }

    @Test("Invitations: o cycles diary, owner, role, invited; O reverses")
    func invitations() {
        var invitations = InvitationsState()
        invitations.list.replace(DemoFixtures.invitations, spec: InvitationsFeature.spec)
        Self.checkSorting(
            invitations, ScreenState.invitations, list: \.list, spec: InvitationsFeature.spec, columns: 4)
    }

    @Test("Vouchers: o cycles code and expiry of the active vouchers; O reverses")
    func vouchers() {
        var vouchers = VouchersState()
        vouchers.active.replace(DemoFixtures.vouchers, spec: VouchersFeature.spec)
        vouchers.edges = DemoFixtures.edges
        Self.checkSorting(
            vouchers, ScreenState.vouchers, list: \.active, spec: VouchersFeature.spec, columns: 2)
    }

    @Test("Signing requests: o cycles created, status, message; O reverses")
    func signing() {
        var signing = SigningState()
        signing.list.replace(DemoFixtures.signingRequests, spec: SigningFeature.spec)
        Self.checkSorting(signing, ScreenState.signing, list: \.list, spec: SigningFeature.spec, columns: 3)
    }

    @Test("Identities: o cycles fingerprint, state, client, created; O reverses")
    func identities() {
        var identities = IdentitiesState()
        identities.list.replace(DemoFixtures.identities, spec: IdentitiesFeature.spec)
        Self.checkSorting(
            identities, ScreenState.identities, list: \.list, spec: IdentitiesFeature.spec,
            columns: 4, mode: .operator)
    }

    @Test("OAuth2 clients: o cycles name, id, created; O reverses")
    func clients() {
        var clients = ClientsState()
        clients.list.replace(DemoFixtures.clients, spec: ClientsFeature.spec)
        Self.checkSorting(
            clients, ScreenState.clients, list: \.list, spec: ClientsFeature.spec, columns: 3, mode: .operator)
    }

    @Test("The public feed: o cycles date, author, heading; O reverses")
    func feed() {
        var feed = FeedState()
        feed.list.replace(DemoFixtures.feed, spec: FeedFeature.spec)
        Self.checkSorting(feed, ScreenState.feed, list: \.list, spec: FeedFeature.spec, columns: 3, mode: .guest)
    }

    @Test("Agents: o cycles fingerprint, public key, last signature checked; O reverses")
    func agents() {
        Self.checkSorting(
            AgentsKeyTests.agents, ScreenState.agents, list: \.list, spec: AgentsFeature.spec, columns: 3)
    }

    @Test("Relation tuples: o cycles namespace, object, relation, subject; O reverses")
    func relations() {
        var relations = RelationsState()
        relations.list.replace(DemoFixtures.tuples, spec: RelationsFeature.spec)
        Self.checkSorting(
            relations, ScreenState.relations, list: \.list, spec: RelationsFeature.spec, columns: 4, mode: .operator)
    }
}
