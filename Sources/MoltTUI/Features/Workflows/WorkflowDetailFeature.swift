import Foundation
import MoltClient
import MoltCore

/// A workflow: status, name, queue, executor, times, inputs, output or error (overview); its steps as a
/// timeline with durations; its events and messages. `tab` moves between the panes; `c` cancels, `R`
/// resumes, `F` forks from the selected step (each confirmed); `enter` on a step shows its output. Refreshes
/// itself while the workflow has not finished.
public struct WorkflowDetailFeature: Feature {
    let service: any OperatorService
    let refreshInterval: Duration?

    public init(service: any OperatorService, refreshInterval: Duration?) {
        self.service = service
        self.refreshInterval = refreshInterval
    }

    public func title(_ state: WorkflowDetailState) -> String { TextLayout.truncate(state.id, toWidth: 24) }

    public func bindings(_ state: WorkflowDetailState, _ context: FeatureContext)
        -> [KeyBinding<WorkflowDetailMessage>]
    {
        var bindings = KeyBinding.navigation { WorkflowDetailMessage.navigated($0) }
        if state.focus == .steps {
            bindings.append(KeyBinding([.enter], "the step's output or error", footer: "step", message: .stepOpened))
        }
        bindings += [
            KeyBinding(
                [.character("c")], "cancel the workflow (asks first)", footer: "cancel", isMutating: true,
                message: .cancelRequested),
            KeyBinding(
                [.character("R")], "resume the workflow (asks first)", footer: "resume", isMutating: true,
                message: .resumeRequested),
            KeyBinding(
                [.character("F")], "fork from the selected step (asks first)", footer: "fork", isMutating: true,
                message: .forkRequested),
            .copy("the workflow id", message: .idCopied),
        ]
        return bindings
    }

    public func update(_ state: inout WorkflowDetailState, _ message: WorkflowDetailMessage, _ context: FeatureContext)
        -> [Effect<WorkflowDetailMessage>]
    {
        let layout = WorkflowDetailLayout(Rect(size: context.bodySize))
        let service = service
        let id = state.id
        switch message {
        case .refreshRequested:
            guard !state.isLoading else { return [] }
            state.isLoading = true
            return [
                .call(
                    "load",
                    {
                        async let record = service.workflow(id)
                        async let details = service.workflowDetails(id)
                        return WorkflowSnapshot(record: try await record, details: try await details)
                    }, then: WorkflowDetailMessage.loaded)
            ]
        case .loaded(.success(let snapshot)):
            state.isLoading = false
            state.failure = snapshot.record == nil ? ConsoleFailure(title: "No such workflow", detail: id) : nil
            state.record = snapshot.record ?? state.record
            state.details = snapshot.details
            state.steps.reveal(rowCount: snapshot.details.steps.count, pageSize: layout.stepsPageSize)
            return [.reachable]
        case .loaded(.failure(let failure)):
            state.isLoading = false
            state.failure = failure
            return Effect.report(failure)
        case .navigated(let navigation):
            switch state.focus {
            case .overview:
                let lines = Self.overviewText(state, now: context.now).lineCount(width: layout.overviewText.width)
                state.overview.navigate(navigation, lineCount: lines, pageSize: layout.overviewText.height)
            case .steps:
                state.steps.navigate(
                    navigation, rowCount: state.details?.steps.count ?? 0, pageSize: layout.stepsPageSize)
            case .events:
                let lines = Self.eventsText(state).lineCount(width: layout.eventsText.width)
                state.events.navigate(navigation, lineCount: lines, pageSize: layout.eventsText.height)
            }
            return []
        case .paneSwitched(let next):
            let count = WorkflowPane.allCases.count
            state.focus = WorkflowPane(rawValue: (state.focus.rawValue + (next ? 1 : count - 1)) % count) ?? .overview
            return []
        case .cancelRequested, .resumeRequested:
            if let record = state.record, !record.status.isOperable {
                return [.info("\(id) has finished (\(record.status)): fork it instead (F)")]
            }
            let action: WorkflowAction = message == .cancelRequested ? .cancel(id) : .resume(id)
            return [.command(.confirm(action.confirmation.map(WorkflowDetailMessage.actionConfirmed)))]
        case .forkRequested:
            let step = state.focus == .steps ? (state.selectedStep?.functionID ?? 1) : 1
            state.form = FormState(
                title: "Fork \(id)", purpose: 0, fields: [.text("From step", "\(step)")], submitLabel: "Fork",
                note: "steps before this one are copied; this step and the rest run again")
            return []
        case .formKey(let key):
            guard var form = state.form else { return [] }
            switch form.handle(key) {
            case .edited:
                state.form = form
                return []
            case .cancelled:
                state.form = nil
                return []
            case .submitted:
                guard let step = Int(form.text("From step")), step >= 1 else {
                    form.note = "The step is a number from 1."
                    state.form = form
                    return []
                }
                state.form = nil
                return [
                    .command(
                        .confirm(
                            WorkflowAction.fork(id, step: step).confirmation.map(WorkflowDetailMessage.actionConfirmed))
                    )
                ]
            }
        case .actionConfirmed(let action):
            state.acting = true
            return [.call("act", { try await action.run(service) }, then: WorkflowDetailMessage.acted)]
        case .acted(.success(let text)):
            state.acting = false
            return [.reachable, .success(text)] + update(&state, .refreshRequested, context)
        case .acted(.failure(let failure)):
            state.acting = false
            return Effect.report(failure)
        case .stepOpened:
            guard let step = state.selectedStep else { return [] }
            return [.command(.push(.document(Self.stepDocument(step, workflow: id))))]
        case .idCopied:
            return [.command(.copy(id, what: "the workflow id"))]
        }
    }

    /// A step's full record.
    static func stepDocument(_ step: WorkflowStep, workflow: String) -> DocumentState {
        var paragraphs = FactLines.paragraphs([
            ("Step", "\(step.functionID) · \(step.functionName)"),
            ("Started", step.startedAt.map(Format.timestamp) ?? "—"),
            ("Completed", step.completedAt.map(Format.timestamp) ?? "—"),
            ("Duration", step.duration.map(Format.duration) ?? "—"),
            ("Child workflow", step.childWorkflowID ?? "—"),
        ])
        if let error = step.error {
            paragraphs += [
                TextView.Paragraph(""), TextView.Paragraph("Error", role: .error),
                TextView.Paragraph(Format.prettyJSON(error.description)),
            ]
        }
        paragraphs += [
            TextView.Paragraph(""), TextView.Paragraph("Output", role: .title),
            TextView.Paragraph(step.output.map { Format.prettyJSON($0.description) } ?? "(none)"),
        ]
        return DocumentState(
            title: "Step \(step.functionID)", paragraphs: paragraphs, copyText: step.output?.description,
            copyWhat: "the output")
    }

    public func appear(_ state: inout WorkflowDetailState, _ context: FeatureContext) -> [Effect<WorkflowDetailMessage>]
    {
        var effects: [Effect<WorkflowDetailMessage>] = []
        if let refreshInterval { effects.append(.timer("refresh", every: refreshInterval, .refreshRequested)) }
        return effects + update(&state, .refreshRequested, context)
    }

    public func disappear(_ state: inout WorkflowDetailState, _ context: FeatureContext) -> [Effect<
        WorkflowDetailMessage
    >] {
        refreshInterval == nil ? [] : [.cancel("refresh")]
    }

    public func refreshMessage(_ state: WorkflowDetailState) -> WorkflowDetailMessage? { .refreshRequested }
    public func paneMessage(next: Bool) -> WorkflowDetailMessage? { .paneSwitched(next: next) }
    public func capturedKey(_ key: Key, _ state: WorkflowDetailState) -> WorkflowDetailMessage? {
        state.form == nil ? nil : .formKey(key)
    }
    public func isBusy(_ state: WorkflowDetailState) -> Bool { state.isLoading || state.acting }
}
