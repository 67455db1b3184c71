import Foundation
import MoltClient
import MoltCore

/// Workflows (operator): the DBOS workflow list, live, with the count of each status above it. Keyset pages
/// (200 rows, the next one read as the selection nears the end), so a list of 100 000 workflows stays fast.
/// `s` cycles the status, `f` edits the filters (status, name, queue, time, id prefix), `o` flips the
/// order, `/` filters the rows read; `enter` opens a workflow; `c` cancels, `R` resumes, `F` forks (each
/// confirmed).
public struct WorkflowsFeature: Feature {
    let service: any OperatorService
    let refreshInterval: Duration?

    public init(service: any OperatorService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    static let spec = ListSpec<WorkflowRecord>(
        id: { $0.workflowID },
        searchText: { "\($0.workflowID) \($0.name) \($0.status) \($0.queueName ?? "") \($0.executorID ?? "")" })

    public func title(_ state: WorkflowsState) -> String { "Workflows" }

    public func bindings(_ state: WorkflowsState, _ context: FeatureContext) -> [KeyBinding<WorkflowsMessage>] {
        KeyBinding.navigation { WorkflowsMessage.navigated($0) }
            + [
                KeyBinding(
                    [.enter], "open the workflow: inputs, output, steps, events", footer: "open", message: .opened),
                KeyBinding(
                    [.character("s")], "next status (all, PENDING, ENQUEUED, …)", footer: "status", group: .view,
                    message: .statusCycled),
                KeyBinding(
                    [.character("f")], "filters: status, name, queue, time, id", footer: "filters", group: .view,
                    message: .filtersRequested),
                KeyBinding([.character("o")], "newest or oldest first", group: .view, message: .orderToggled),
                KeyBinding(
                    [.character("c")], "cancel the workflow (asks first)", footer: "cancel", isMutating: true,
                    message: .cancelRequested),
                KeyBinding(
                    [.character("R")], "resume the workflow (asks first)", footer: "resume", isMutating: true,
                    message: .resumeRequested),
                KeyBinding(
                    [.character("F")], "fork the workflow from a step (asks first)", footer: "fork", isMutating: true,
                    message: .forkRequested),
                .copy("the workflow id", message: .idCopied),
            ]
    }

    public func update(_ state: inout WorkflowsState, _ message: WorkflowsMessage, _ context: FeatureContext)
        -> [Effect<WorkflowsMessage>]
    {
        let layout = WorkflowsLayout(Rect(size: context.bodySize))
        switch message {
        case .refreshRequested:
            guard !state.list.isLoading else { return [] }
            if state.list.rows.count > WorkflowsState.refreshLimit {
                return [countsEffect(state, now: context.now)]
            }
            return reload(&state, now: context.now, limit: max(state.list.rows.count, WorkflowsState.pageSize))
        case .loaded(let result, let generation, let appending):
            guard generation == state.generation else { return [] }
            switch result {
            case .success(let loaded):
                if appending {
                    state.list.append(loaded.page.workflows, spec: Self.spec)
                } else {
                    state.list.replace(loaded.page.workflows, spec: Self.spec)
                }
                state.next = loaded.page.next
                if let counts = loaded.counts { state.counts = counts }
                return [.reachable]
            case .failure(let failure):
                state.list.isLoading = false
                state.list.failure = failure
                return Effect.report(failure)
            }
        case .countsLoaded(.success(let counts)):
            state.counts = counts
            return [.reachable]
        case .countsLoaded(.failure(let failure)):
            return Effect.report(failure)
        case .moreRequested:
            guard let cursor = state.next, !state.list.isLoading else { return [] }
            state.list.isLoading = true
            let filter = state.query.filter(limit: WorkflowsState.pageSize, after: cursor, now: context.now)
            let service = service
            let generation = state.generation
            return [
                .call(
                    "page", { WorkflowsPage(page: try await service.workflows(filter), counts: nil) },
                    then: { WorkflowsMessage.loaded($0, generation: generation, appending: true) })
            ]
        case .navigated(let navigation):
            state.list.navigate(navigation, pageSize: layout.pageSize)
            if navigation == .bottom || state.list.isNearEnd(margin: layout.pageSize) {
                return update(&state, .moreRequested, context)
            }
            return []
        case .filterChanged(let text):
            state.list.setFilter(text, spec: Self.spec)
            return []
        case .statusCycled:
            let all: [DBOSWorkflowState?] = [nil] + DBOSWorkflowState.known.map { $0 }
            state.query.status = all[((all.firstIndex(of: state.query.status) ?? 0) + 1) % all.count]
            return reload(&state, now: context.now, limit: WorkflowsState.pageSize)
        case .orderToggled:
            state.query.newestFirst.toggle()
            return reload(&state, now: context.now, limit: WorkflowsState.pageSize)
        case .filtersRequested:
            let query = state.query
            state.form = FormState(
                title: "Workflow filters", purpose: .filters,
                fields: [
                    .choice(
                        "Status", ["all"] + DBOSWorkflowState.known.map(\.description),
                        selected: query.status?.description ?? "all"),
                    .text("Name", query.name ?? ""), .text("Queue", query.queue ?? ""),
                    .choice("Created", TimeWindow.allCases.map(\.rawValue), selected: query.window.rawValue),
                    .text("Id prefix", query.idPrefix ?? ""),
                ],
                submitLabel: "Apply", note: "empty text fields do not filter; ←/→ change a choice")
            return []
        case .formKey(let key):
            return handleFormKey(key, &state, context)
        case .opened:
            guard let workflow = state.list.selected else { return [] }
            return [.command(.push(.workflow(WorkflowDetailState(id: workflow.workflowID, record: workflow))))]
        case .cancelRequested:
            guard let workflow = state.list.selected else { return [] }
            guard workflow.status.isOperable else {
                return [.info("\(workflow.workflowID) has finished (\(workflow.status)): nothing to cancel")]
            }
            return [
                .command(
                    .confirm(
                        WorkflowAction.cancel(workflow.workflowID).confirmation.map(WorkflowsMessage.actionConfirmed)))
            ]
        case .resumeRequested:
            guard let workflow = state.list.selected else { return [] }
            guard workflow.status.isOperable else {
                return [.info("\(workflow.workflowID) has finished (\(workflow.status)): fork it instead (F)")]
            }
            return [
                .command(
                    .confirm(
                        WorkflowAction.resume(workflow.workflowID).confirmation.map(WorkflowsMessage.actionConfirmed)))
            ]
        case .forkRequested:
            guard let workflow = state.list.selected else { return [] }
            state.form = FormState(
                title: "Fork \(workflow.workflowID)", purpose: .fork(workflow.workflowID),
                fields: [.text("From step", "1")],
                submitLabel: "Fork", note: "steps before this one are copied; this step and the rest run again")
            return []
        case .actionConfirmed(let action):
            state.acting = action.workflowID
            let service = service
            return [.call("act", { try await action.run(service) }, then: WorkflowsMessage.acted)]
        case .acted(.success(let text)):
            state.acting = nil
            return [.reachable, .success(text)]
                + reload(
                    &state, now: context.now,
                    limit: max(min(state.list.rows.count, WorkflowsState.refreshLimit), WorkflowsState.pageSize))
        case .acted(.failure(let failure)):
            state.acting = nil
            return Effect.report(failure)
        case .idCopied:
            guard let workflow = state.list.selected else { return [] }
            return [.command(.copy(workflow.workflowID, what: "the workflow id"))]
        }
    }

    private func handleFormKey(_ key: Key, _ state: inout WorkflowsState, _ context: FeatureContext)
        -> [Effect<WorkflowsMessage>]
    {
        guard var form = state.form else { return [] }
        switch form.handle(key) {
        case .edited:
            state.form = form
            return []
        case .cancelled:
            state.form = nil
            return []
        case .submitted:
            switch form.purpose {
            case .filters:
                state.form = nil
                func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
                let status = form.choice("Status")
                state.query.status = status == "all" ? nil : DBOSWorkflowState(status)
                state.query.name = optional(form.text("Name"))
                state.query.queue = optional(form.text("Queue"))
                state.query.window = TimeWindow(rawValue: form.choice("Created")) ?? .all
                state.query.idPrefix = optional(form.text("Id prefix"))
                return reload(&state, now: context.now, limit: WorkflowsState.pageSize)
            case .fork(let id):
                guard let step = Int(form.text("From step")), step >= 1 else {
                    form.note = "The step is a number from 1 (1 runs the whole workflow again)."
                    state.form = form
                    return []
                }
                state.form = nil
                return [
                    .command(
                        .confirm(WorkflowAction.fork(id, step: step).confirmation.map(WorkflowsMessage.actionConfirmed))
                    )
                ]
            }
        }
    }

    /// Reads the first `limit` rows and the counts for the current filters (a new generation).
    private func reload(_ state: inout WorkflowsState, now: Date, limit: Int) -> [Effect<WorkflowsMessage>] {
        state.generation += 1
        state.list.isLoading = true
        state.next = nil
        let filter = state.query.filter(limit: min(limit, WorkflowsState.refreshLimit), after: nil, now: now)
        let service = service
        let generation = state.generation
        return [
            .call(
                "page",
                {
                    async let page = service.workflows(filter)
                    async let counts = service.workflowCounts(filter)
                    return WorkflowsPage(page: try await page, counts: try await counts)
                }, then: { WorkflowsMessage.loaded($0, generation: generation, appending: false) })
        ]
    }

    private func countsEffect(_ state: WorkflowsState, now: Date) -> Effect<WorkflowsMessage> {
        let filter = state.query.filter(limit: 1, after: nil, now: now)
        let service = service
        return .call("counts", { try await service.workflowCounts(filter) }, then: WorkflowsMessage.countsLoaded)
    }

    public func appear(_ state: inout WorkflowsState, _ context: FeatureContext) -> [Effect<WorkflowsMessage>] {
        var effects: [Effect<WorkflowsMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout WorkflowsState, _ context: FeatureContext) -> [Effect<WorkflowsMessage>] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: WorkflowsState) -> WorkflowsMessage? { .refreshRequested }
    public func filterText(_ state: WorkflowsState) -> String? { state.list.filter }
    public func filterChanged(_ text: String) -> WorkflowsMessage? { .filterChanged(text) }
    public func capturedKey(_ key: Key, _ state: WorkflowsState) -> WorkflowsMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: WorkflowsState) -> Bool { state.list.isLoading || state.acting != nil }
}
