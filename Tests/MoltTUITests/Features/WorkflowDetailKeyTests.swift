import Foundation
import MoltClient
import MoltCore
import Testing

@testable import MoltTUI

/// A running workflow's detail screen: `c` and `R`, each confirmed, run against the operator service and
/// reload the workflow.
@Suite("Workflow detail keys: cancel and resume")
struct WorkflowDetailKeyTests {
    static let id = "signing-0001-4f1c"

    static var running: WorkflowDetailState {
        var detail = WorkflowDetailState(id: id, record: DemoFixtures.workflows[0])
        detail.details = DemoFixtures.details
        return detail
    }

    static func store(_ service: StubOperatorService) -> ConsoleTestStore {
        ScreenStores.store(
            [.workflows(OperatorScreenSnapshotTests.workflows), .workflow(Self.running)], mode: .operator,
            operatorService: service)
    }

    @Test("c asks first; y cancels the workflow, flashes the result and reloads it")
    func cancelConfirmed() async throws {
        let service = StubOperatorService()
        var store = Self.store(service)
        store.press(.character("c")) {
            $0.overlay = .confirm(
                ConfirmDialogState(
                    WorkflowAction.cancel(Self.id).confirmation.map {
                        AppMessage.screen(route: 2, .workflow(.actionConfirmed($0)))
                    }))
        }
        guard case .confirm(let dialog) = store.state.overlay else { return }
        #expect(dialog.request.title == "Cancel workflow?")
        #expect(service.calls.isEmpty, "nothing happens before the confirmation")

        let effects = store.exercise(.keyPressed(.character("y")))
        #expect(store.state.overlay == nil)
        guard case .workflow(let acting) = store.state.topScreen else { return }
        #expect(acting.acting)
        let act = try #require(effects.first { $0.description == "run route2/act" })
        let acted = await messages(from: act)
        #expect(service.calls == ["cancel \(Self.id)"])
        #expect(acted == [.screen(route: 2, .workflow(.acted(.success("Cancelled \(Self.id)"))))])

        let reload = store.exercise(acted[0])
        #expect(store.state.flash == Flash(.success, "Cancelled \(Self.id)"))
        #expect(reload.map(\.description).contains("run route2/load"))
        guard case .workflow(let after) = store.state.topScreen else { return }
        #expect(!after.acting && after.isLoading)
    }

    @Test("c then n leaves the workflow alone")
    func cancelDeclined() {
        let service = StubOperatorService()
        var store = Self.store(service)
        store.tap(.character("c"), .character("n"))
        #expect(store.state.overlay == nil)
        #expect(service.calls.isEmpty)
        #expect(store.state.topScreen == .workflow(Self.running))
    }

    @Test("R asks first; y resumes the workflow and flashes the result")
    func resume() async throws {
        let service = StubOperatorService()
        var store = Self.store(service)
        store.press(.character("R")) {
            $0.overlay = .confirm(
                ConfirmDialogState(
                    WorkflowAction.resume(Self.id).confirmation.map {
                        AppMessage.screen(route: 2, .workflow(.actionConfirmed($0)))
                    }))
        }
        guard case .confirm(let dialog) = store.state.overlay else { return }
        #expect(dialog.request.title == "Resume workflow?")
        let effects = store.exercise(.keyPressed(.character("y")))
        let acted = await messages(from: try #require(effects.first { $0.description == "run route2/act" }))
        #expect(service.calls == ["resume \(Self.id)"])
        store.exercise(acted[0])
        #expect(store.state.flash == Flash(.success, "Resumed \(Self.id): enqueued again"))
    }

    @Test("R on a finished workflow says to fork it instead, without asking")
    func resumeFinished() {
        var store = ScreenStores.store([.workflow(OperatorScreenSnapshotTests.detail)], mode: .operator)
        store.exercise(.keyPressed(.character("R")))
        #expect(store.state.overlay == nil)
        #expect(store.state.flash?.title == "demo-reindex-0001 has finished (ERROR): fork it instead (F)")
    }
}
