import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// Workflows (list and detail), identities, clients, relations and the network's vouchers: every key.
@Suite("Operator screen keys")
struct OperatorKeyTests {
    static func workflows(_ state: AppState) -> WorkflowsState? {
        if case .workflows(let workflows) = state.topScreen { return workflows }
        return nil
    }

    @Test("opening Workflows reads the first page and the counts together; a stale page is dropped")
    func load() async {
        let service = StubOperatorService()
        var store = ScreenStores.store([], mode: .operator, operatorService: service)
        let effects = store.exercise(.started)
        #expect(effects.map(\.description).contains("run route1/page"))
        let loaded = await messages(from: effects.first { $0.description == "run route1/page" }!)
        #expect(service.calls == ["list status=all limit=200"])
        store.exercise(loaded[0])
        #expect(Self.workflows(store.state)?.list.count == 6)
        #expect(Self.workflows(store.state)?.counts == DemoFixtures.workflowCounts)
        store.exercise(.keyPressed(.character("s")))
        #expect(Self.workflows(store.state)?.query.status == DBOSWorkflowState.known.first)
        store.exercise(loaded[0])
        #expect(Self.workflows(store.state)?.list.isLoading == true, "the old generation's page is ignored")
    }

    @Test("s cycles the status, o flips the order, f edits the filters (status, name, queue, time, id)")
    func filters() {
        var store = ScreenStores.store([.workflows(OperatorScreenSnapshotTests.workflows)], mode: .operator)
        var statuses: [DBOSWorkflowState?] = []
        for _ in 0...DBOSWorkflowState.known.count {
            store.exercise(.keyPressed(.character("s")))
            statuses.append(Self.workflows(store.state)?.query.status)
        }
        #expect(statuses == DBOSWorkflowState.known.map { $0 } + [nil])
        store.exercise(.keyPressed(.character("o")))
        #expect(Self.workflows(store.state)?.query.newestFirst == false)
        store.tap(.character("f"), .right, .right, .right, .right, .tab)
        for character in "grant" { store.tap(.character(character)) }
        store.tap(.tab, .tab, .right, .right)
        let effects = store.exercise(.keyPressed(.enter))
        #expect(effects.map(\.description).contains("run route1/page"))
        let query = Self.workflows(store.state)?.query
        #expect(query?.status == .success && query?.name == "grant" && query?.window == .day && query?.queue == nil)
        #expect(query?.summary == "status SUCCESS · name grant · last 24 hours · oldest first")
    }

    @Test("c cancels, R resumes and F forks the selected workflow, each after a confirmation")
    func actions() async {
        let service = StubOperatorService()
        var store = ScreenStores.store(
            [.workflows(OperatorScreenSnapshotTests.workflows)], mode: .operator, operatorService: service)
        store.tap(.character("c"))
        guard case .confirm(let cancel) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(cancel.request.title == "Cancel workflow?")
        let effects = store.exercise(.keyPressed(.character("y")))
        let acted = await messages(from: effects.first { $0.description == "run route1/act" }!)
        #expect(service.calls == ["cancel signing-0001-4f1c"])
        store.exercise(acted[0])
        #expect(store.state.flash == Flash(.success, "Cancelled signing-0001-4f1c"))

        store.tap(.character("R"), .character("y"))
        store.tap(.character("F"), .backspace, .character("2"), .enter)
        guard case .confirm(let fork) = store.state.overlay else {
            Issue.record("no fork confirmation")
            return
        }
        #expect(
            fork.request.message == .screen(route: 1, .workflows(.actionConfirmed(.fork("signing-0001-4f1c", step: 2))))
        )
        store.tap(.character("n"))
        store.tap(.character("j"))
        store.exercise(.keyPressed(.character("c")))
        #expect(store.state.flash?.title == "perm-owner-0002-aa has finished (SUCCESS): nothing to cancel")
    }

    @Test("the list pages by keyset as the selection nears the end, and / filters the rows read")
    func paging() async {
        var state = OperatorScreenSnapshotTests.workflows
        state.next = WorkflowCursor(createdAtMilliseconds: 1, workflowID: "x")
        var store = ScreenStores.store([.workflows(state)], mode: .operator)
        let effects = store.exercise(.keyPressed(.character("G")))
        #expect(effects.map(\.description).contains("run route1/page"))
        store.exercise(
            .screen(
                route: 1,
                .workflows(
                    .loaded(
                        .success(WorkflowsPage(page: WorkflowPage([], next: nil), counts: nil)), generation: 0,
                        appending: true))))
        #expect(Self.workflows(store.state)?.next == nil)
        store.tap(.character("/"))
        for character in "demo" { store.tap(.character(character)) }
        #expect(Self.workflows(store.state)?.list.count == 2)
    }

    @Test("a workflow: tab moves between panes, enter on a step opens it, F forks from the selected step")
    func detail() {
        var store = ScreenStores.store([.workflow(OperatorScreenSnapshotTests.detail)], mode: .operator)
        store.tap(.tab, .character("G"))
        guard case .workflow(let detail) = store.state.topScreen else { return }
        #expect(detail.focus == .steps && detail.steps.selected == 2)
        store.tap(.character("F"))
        guard case .workflow(let forking) = store.state.topScreen else { return }
        #expect(forking.form?.text("From step") == "3")
        store.tap(.escape, .enter)
        #expect(store.state.topScreen.kind == .document)
        store.exercise(.keyPressed(.escape))
        store.exercise(.keyPressed(.character("c")))
        #expect(store.state.flash?.title == "demo-reindex-0001 has finished (ERROR): fork it instead (F)")
        store.tap(.tab)
        guard case .workflow(let events) = store.state.topScreen else { return }
        #expect(events.focus == .events)
    }

    @Test("identities: a toggles the state after a confirmation; enter shows the documents")
    func identities() async {
        let service = StubOperatorService()
        var identities = IdentitiesState()
        identities.list.replace(DemoFixtures.identities, spec: IdentitiesFeature.spec)
        var store = ScreenStores.store([.identities(identities)], mode: .operator, operatorService: service)
        #expect(identities.list.rows.map(\.fingerprint) == [DemoFixtures.ada.value, DemoFixtures.bob.value])
        store.tap(.character("a"))
        guard case .confirm(let dialog) = store.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(dialog.request.title == "Deactivate identity?")
        let effects = store.exercise(.keyPressed(.character("y")))
        _ = await messages(from: effects.first { $0.description == "run route1/save" }!)
        #expect(service.calls == ["state inactive \(DemoFixtures.uuid(1))"])
        store.exercise(.keyPressed(.enter))
        guard case .document(let document) = store.state.topScreen else { return }
        #expect(document.paragraphs.contains { $0.text == "OAuth2 client (Hydra)" })
    }

    @Test("clients open as documents and copy their id")
    func clients() {
        var clients = ClientsState()
        clients.list.replace(DemoFixtures.clients, spec: ClientsFeature.spec)
        var store = ScreenStores.store([.clients(clients)], mode: .operator)
        #expect(store.exercise(.keyPressed(.character("y"))).map(\.description).first == "copy the client id")
        store.exercise(.keyPressed(.enter))
        #expect(store.state.topScreen.kind == .document)
    }

    @Test("relations: f sets the query, c checks a permission and shows the answer")
    func relations() async {
        let service = StubOperatorService()
        var relations = RelationsState()
        relations.list.replace(DemoFixtures.tuples, spec: RelationsFeature.spec)
        var store = ScreenStores.store([.relations(relations)], mode: .operator, operatorService: service)
        store.tap(.character("f"), .right)
        #expect(store.exercise(.keyPressed(.enter)).map(\.description).contains("run route1/load"))
        guard case .relations(let queried) = store.state.topScreen else { return }
        #expect(queried.query.namespace == "Diary")
        store.exercise(
            .screen(
                route: 1,
                .relations(.loaded(.success(OryPage(items: DemoFixtures.tuples, nextPageToken: nil)), appending: false))
            ))
        store.tap(.character("c"))
        let effects = store.exercise(.keyPressed(.enter))
        let answer = await messages(from: effects.first { $0.description == "run route1/check" }!)
        store.exercise(answer[0])
        guard case .relations(let checked) = store.state.topScreen else { return }
        #expect(checked.lastCheck?.allowed == true)
        #expect(checked.lastCheck?.tuple.description == "Diary:\(DemoFixtures.research.id)#read@\(DemoFixtures.adaID)")
    }

    @Test("the network's vouchers: tab to the tree, o sorts, y copies")
    func network() {
        var network = NetworkState()
        network.list.replace(DemoFixtures.edges, spec: NetworkFeature.spec)
        var store = ScreenStores.store([.network(network)], mode: .operator)
        #expect(store.exercise(.keyPressed(.character("y"))).map(\.description).first == "copy the fingerprint")
        store.tap(.character("o"), .tab)
        guard case .network(let after) = store.state.topScreen else { return }
        #expect(after.focus == .graph)
        #expect(after.list.sort == TableSort(column: 0, ascending: false))
    }

    @Test("read-only mode hides cancel, resume, fork and the identity toggle")
    func readOnly() {
        var store = ScreenStores.store(
            [.workflows(OperatorScreenSnapshotTests.workflows)], mode: .operator, readOnly: true)
        let keys = store.core.keyHints(store.state).map(\.keys)
        #expect(!keys.contains("c") && !keys.contains("R") && !keys.contains("F"))
        store.tap(.character("c"), .character("R"), .character("F"))
        #expect(store.state.overlay == nil)
        #expect(Self.workflows(store.state)?.form == nil)
    }
}
