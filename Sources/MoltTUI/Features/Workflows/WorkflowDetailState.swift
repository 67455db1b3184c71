public import MoltClient
import MoltCore

/// One workflow's screen state: its row (with inputs, output and error), its steps, events and messages,
/// the focused pane and each pane's scroll.
public struct WorkflowDetailState: Equatable, Sendable {
    public var id: String
    public var record: WorkflowRecord?
    public var details: WorkflowDetails?
    public var focus: WorkflowPane
    public var overview: ScrollPosition
    public var steps: TableViewport
    public var events: ScrollPosition
    public var isLoading: Bool
    public var failure: ConsoleFailure?
    public var form: FormState<Int>?
    public var acting: Bool

    public init(id: String, record: WorkflowRecord? = nil) {
        self.id = id
        self.record = record
        details = nil
        focus = .overview
        overview = ScrollPosition()
        steps = TableViewport()
        events = ScrollPosition()
        isLoading = false
        failure = nil
        form = nil
        acting = false
    }

    /// The selected step.
    public var selectedStep: WorkflowStep? {
        guard let steps = details?.steps, !steps.isEmpty else { return nil }
        return steps[min(self.steps.selected, steps.count - 1)]
    }
}

/// The workflow screen's panes, in `tab` order.
public enum WorkflowPane: Int, Equatable, Sendable, CaseIterable {
    case overview, steps, events
}

/// A workflow with its steps, events and messages, read together.
public struct WorkflowSnapshot: Equatable, Sendable {
    public var record: WorkflowRecord?
    public var details: WorkflowDetails
}

/// What happens on a workflow's screen.
public enum WorkflowDetailMessage: Equatable, Sendable {
    case refreshRequested
    case loaded(Result<WorkflowSnapshot, ConsoleFailure>)
    case navigated(Navigation)
    case paneSwitched(next: Bool)
    case cancelRequested
    case resumeRequested
    case forkRequested
    case formKey(Key)
    case actionConfirmed(WorkflowAction)
    case acted(Result<String, ConsoleFailure>)
    case stepOpened
    case idCopied
}
