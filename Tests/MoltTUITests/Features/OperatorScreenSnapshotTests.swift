import Foundation
import MoltClient
import MoltCore
import MoltTestSupport
import Testing

@testable import MoltTUI

/// Every operator screen rendered from fixed state at 80x24 and 120x40, in colour and monochrome.
@Suite("Operator screen snapshots")
struct OperatorScreenSnapshotTests {
    static func check(
        _ name: String, _ screens: [ScreenState], file: StaticString = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation, prepare: (inout AppState) -> Void = { _ in }
    ) {
        AgentScreenSnapshotTests.check(
            name, screens, mode: .operator, file: file, sourceLocation: sourceLocation, prepare: prepare)
    }

    static var workflows: WorkflowsState {
        var workflows = WorkflowsState()
        workflows.list.replace(DemoFixtures.workflows, spec: WorkflowsFeature.spec)
        workflows.counts = DemoFixtures.workflowCounts
        return workflows
    }

    static var detail: WorkflowDetailState {
        var detail = WorkflowDetailState(id: "demo-reindex-0001", record: DemoFixtures.workflows[3])
        detail.details = DemoFixtures.details
        return detail
    }

    @Test("Workflows with status counts")
    func workflowsScreen() { Self.check("workflows", [.workflows(Self.workflows)]) }

    @Test("Workflows filtered by status, the filters form open")
    func workflowsFilters() {
        var workflows = Self.workflows
        workflows.query.status = .error
        workflows.query.window = .day
        workflows.form = FormState(
            title: "Workflow filters", purpose: .filters,
            fields: [
                .choice("Status", ["all"] + DBOSWorkflowState.known.map(\.description), selected: "ERROR"),
                .text("Name", "demo.reindexEmbeddings"), .text("Queue"),
                .choice("Created", TimeWindow.allCases.map(\.rawValue), selected: "day"), .text("Id prefix"),
            ], submitLabel: "Apply", note: "empty text fields do not filter; ←/→ change a choice")
        Self.check("workflows-filters", [.workflows(workflows)])
    }

    @Test("Asking to cancel a workflow")
    func workflowsConfirm() {
        Self.check("workflows-cancel", [.workflows(Self.workflows)]) { state in
            let request = WorkflowAction.cancel("signing-0001-4f1c").confirmation
                .map { AppMessage.screen(route: 1, .workflows(.actionConfirmed($0))) }
            state.overlay = .confirm(ConfirmDialogState(request))
        }
    }

    @Test("A workflow: overview, steps timeline, events")
    func workflowDetail() { Self.check("workflow", [.workflows(Self.workflows), .workflow(Self.detail)]) }

    @Test("A workflow with the steps pane focused")
    func workflowSteps() {
        var detail = Self.detail
        detail.focus = .steps
        detail.steps = TableViewport(selected: 2, offset: 0)
        Self.check("workflow-steps", [.workflow(detail)])
    }

    @Test("Identities joined with their clients")
    func identities() {
        var identities = IdentitiesState()
        identities.list.replace(DemoFixtures.identities, spec: IdentitiesFeature.spec)
        Self.check("identities", [.identities(identities)])
    }

    @Test("OAuth2 clients")
    func clients() {
        var clients = ClientsState()
        clients.list.replace(DemoFixtures.clients, spec: ClientsFeature.spec)
        Self.check("clients", [.clients(clients)])
    }

    @Test("Relation tuples and a permission check")
    func relations() {
        var relations = RelationsState()
        relations.list.replace(DemoFixtures.tuples, spec: RelationsFeature.spec)
        relations.lastCheck = PermissionCheck(tuple: DemoFixtures.tuples[1], allowed: true)
        Self.check("relations", [.relations(relations)])
    }

    @Test("Vouchers across the network")
    func network() {
        var network = NetworkState()
        network.list.replace(DemoFixtures.edges, spec: NetworkFeature.spec)
        Self.check("network", [.network(network)])
    }

    @Test("A workflow step's output")
    func stepDocument() {
        Self.check(
            "workflow-step",
            [.document(WorkflowDetailFeature.stepDocument(DemoFixtures.steps[2], workflow: "demo-reindex-0001"))])
    }
}
