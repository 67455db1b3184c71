public import Foundation
public import MoltCore

// Public initializers of the workflow values, so callers (console tests, benchmarks, other readers)
// can build them without a database; the client itself makes them from rows.

extension WorkflowRecord {
    /// A workflow record; only the id, status, name and times are required.
    public init(
        workflowID: String, status: DBOSWorkflowState, name: String, createdAt: Date, updatedAt: Date,
        queueName: String? = nil, executorID: String? = nil, applicationVersion: String? = nil,
        recoveryAttempts: Int? = nil, forkedFrom: String? = nil, startedAt: Date? = nil, completedAt: Date? = nil,
        inputs: DBOSPayload? = nil, output: DBOSPayload? = nil, error: DBOSPayload? = nil
    ) {
        self.init(
            workflowID: workflowID, status: status, name: name, className: nil, configName: nil,
            authenticatedUser: nil, assumedRole: nil, authenticatedRoles: nil, queueName: queueName,
            executorID: executorID, applicationVersion: applicationVersion, applicationID: nil, applicationName: nil,
            recoveryAttempts: recoveryAttempts, priority: nil, deduplicationID: nil, queuePartitionKey: nil,
            timeoutMilliseconds: nil, deadline: nil, forkedFrom: forkedFrom, wasForkedFrom: nil, parentWorkflowID: nil,
            scheduleName: nil, attributes: nil, createdAt: createdAt, updatedAt: updatedAt, startedAt: startedAt,
            delayUntil: nil, completedAt: completedAt, serialization: nil, inputs: inputs, output: output, error: error)
    }
}

extension WorkflowStep {
    /// A step record.
    public init(
        functionID: Int, functionName: String, output: DBOSPayload? = nil, error: DBOSPayload? = nil,
        childWorkflowID: String? = nil, startedAt: Date? = nil, completedAt: Date? = nil
    ) {
        self.init(
            functionID: functionID, functionName: functionName, output: output, error: error,
            childWorkflowID: childWorkflowID, startedAt: startedAt, completedAt: completedAt, serialization: nil)
    }
}

extension WorkflowEvents {
    /// A workflow's events.
    public init(_ latest: [Event], history: [Event] = [], historyAvailable: Bool = true) {
        self.latest = latest
        self.history = history
        self.historyAvailable = historyAvailable
    }
}

extension WorkflowEvents.Event {
    /// An event value.
    public init(_ key: String, value: DBOSPayload?, functionID: Int? = nil) {
        self.key = key
        self.value = value
        self.functionID = functionID
    }
}

extension WorkflowNotification {
    /// A message sent to a workflow.
    public init(messageID: String, topic: String?, message: DBOSPayload?, createdAt: Date? = nil, consumed: Bool? = nil)
    {
        self.messageID = messageID
        self.topic = topic
        self.message = message
        self.createdAt = createdAt
        self.consumed = consumed
        self.consumedByFunctionID = nil
    }
}

extension WorkflowPage {
    /// A page of workflows and the cursor of the next one.
    public init(_ workflows: [WorkflowRecord], next: WorkflowCursor?) {
        self.workflows = workflows
        self.next = next
    }
}
