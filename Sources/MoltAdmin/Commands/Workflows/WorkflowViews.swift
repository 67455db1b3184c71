import Foundation
import MoltClient
import MoltCore

/// A DBOS payload in JSON output: the JSON value itself, or the text shown for a pickle or raw text.
struct PayloadView: Encodable, Sendable {
    let payload: DBOSPayload

    func encode(to encoder: any Encoder) throws {
        switch payload {
        case .json(let value): try value.encode(to: encoder)
        default:
            var container = encoder.singleValueContainer()
            try container.encode(payload.description)
        }
    }
}

/// A workflow row in JSON output.
struct WorkflowView: Encodable, Sendable {
    let workflowId: String
    let name: String
    let status: String
    let queueName: String?
    let executorId: String?
    let applicationVersion: String?
    let recoveryAttempts: Int?
    let forkedFrom: String?
    let createdAt: Date
    let updatedAt: Date
    let startedAt: Date?
    let completedAt: Date?
    let durationMs: Int64?
    let inputs: PayloadView?
    let output: PayloadView?
    let error: PayloadView?

    init(_ record: WorkflowRecord) {
        workflowId = record.workflowID
        name = record.name
        status = record.status.description
        queueName = record.queueName
        executorId = record.executorID
        applicationVersion = record.applicationVersion
        recoveryAttempts = record.recoveryAttempts
        forkedFrom = record.forkedFrom
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        startedAt = record.startedAt
        completedAt = record.completedAt
        durationMs = record.duration.map {
            $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000
        }
        inputs = record.inputs.map(PayloadView.init)
        output = record.output.map(PayloadView.init)
        error = record.error.map(PayloadView.init)
    }
}

/// A step row in JSON output.
struct StepView: Encodable, Sendable {
    let functionId: Int
    let functionName: String
    let output: PayloadView?
    let error: PayloadView?
    let childWorkflowId: String?
    let startedAt: Date?
    let completedAt: Date?

    init(_ step: WorkflowStep) {
        functionId = step.functionID
        functionName = step.functionName
        output = step.output.map(PayloadView.init)
        error = step.error.map(PayloadView.init)
        childWorkflowId = step.childWorkflowID
        startedAt = step.startedAt
        completedAt = step.completedAt
    }
}

/// An event value in JSON output.
struct EventView: Encodable, Sendable {
    let key: String
    let value: PayloadView?
    let functionId: Int?

    init(_ event: WorkflowEvents.Event) {
        key = event.key
        value = event.value.map(PayloadView.init)
        functionId = event.functionID
    }
}

/// A message in JSON output.
struct NotificationView: Encodable, Sendable {
    let messageId: String
    let topic: String?
    let message: PayloadView?
    let createdAt: Date?
    let consumed: Bool?

    init(_ notification: WorkflowNotification) {
        messageId = notification.messageID
        topic = notification.topic
        message = notification.message.map(PayloadView.init)
        createdAt = notification.createdAt
        consumed = notification.consumed
    }
}

/// Reads `--since` values: an ISO-8601 time, or an age such as `90s`, `15m`, `2h`, `7d`.
enum SinceArgument {
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        if let date = ISO8601Timestamp.date(from: text) { return date }
        if text.count == 10, let date = ISO8601Timestamp.date(from: text + "T00:00:00Z") { return date }
        guard let unit = text.last, let amount = Double(text.dropLast()), amount >= 0 else { return nil }
        let seconds: Double
        switch unit {
        case "s": seconds = amount
        case "m": seconds = amount * 60
        case "h": seconds = amount * 3600
        case "d": seconds = amount * 86_400
        default: return nil
        }
        return now.addingTimeInterval(-seconds)
    }
}
