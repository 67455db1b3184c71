import Foundation
import MoltCore
import MoltPostgres

extension WorkflowContext {
    /// Sleeps durably: the wake-up time is recorded first (`DBOS.sleep`, epoch seconds), so after a crash
    /// the workflow sleeps only for what remains.
    public func sleep(for duration: Duration) async throws {
        let wake = try await durableWakeTime(nextFunctionID(), after: duration)
        let remaining = wake - SystemDatabase.nowMilliseconds()
        if remaining > 0 { try await pause(for: .milliseconds(remaining)) }
    }

    /// Sends `message` to workflow `destination` under `topic`, exactly once (`DBOS.send`).
    ///
    /// - Throws: `WorkflowError.notFound` when the destination workflow does not exist.
    public func send<M: Encodable & Sendable>(_ message: M, to destination: String, topic: String? = nil)
        async throws
    {
        let functionID = nextFunctionID()
        if try replayed(functionID, name: "DBOS.send") != nil { return }
        try running.checkInterrupted()
        let now = SystemDatabase.nowMilliseconds()
        let text = try PortableCoder.encode(message)
        do {
            try await database.send(
                from: operation(functionID, "DBOS.send", startedAt: now), destination: destination, topic: topic,
                message: text)
        } catch let error as PostgresError where error.isForeignKeyViolation {
            throw WorkflowError(.notFound, workflowID: destination, message: "no workflow to send a message to")
        }
    }

    /// Receives the oldest message sent to this workflow under `topic`, waiting up to `timeout`
    /// (`DBOS.recv`, plus a `DBOS.sleep` recording the deadline so a recovered wait keeps it).
    ///
    /// - Returns: The message, or nil when none arrived in time. Either outcome is recorded.
    public func recv<M: Decodable & Sendable>(
        _ type: M.Type = M.self, topic: String? = nil, timeout: Duration = .seconds(60)
    ) async throws -> M? {
        let functionID = nextFunctionID()
        let sleepID = nextFunctionID()
        if let recorded = try replayed(functionID, name: "DBOS.recv") {
            return try Self.result(M?.self, of: recorded)
        }
        try running.checkInterrupted()
        let deadline = try await durableWakeTime(sleepID, after: timeout)
        let started = SystemDatabase.nowMilliseconds()
        let received = try await hub.poll(
            key: NotificationHub.messageKey(destination: workflowID, topic: topic), until: deadline,
            pollingInterval: database.configuration.pollingInterval, running: running
        ) {
            try await database.consumeMessage(operation(functionID, "DBOS.recv", startedAt: started), topic: topic)
        }
        if let received { return try PortableCoder.decode(M?.self, from: received) }
        let recorded = try await database.record(operation(functionID, "DBOS.recv", startedAt: started, output: "null"))
        return try Self.result(M?.self, of: recorded)
    }

    /// Publishes `value` under `key` for this workflow (`DBOS.setEvent`); the latest value is readable with
    /// `getEvent` and every value stays in `workflow_events_history`.
    public func setEvent<V: Encodable & Sendable>(_ key: String, _ value: V) async throws {
        let functionID = nextFunctionID()
        if try replayed(functionID, name: "DBOS.setEvent") != nil { return }
        try running.checkInterrupted()
        let now = SystemDatabase.nowMilliseconds()
        try await database.setEvent(
            operation(functionID, "DBOS.setEvent", startedAt: now), key: key, value: try PortableCoder.encode(value))
    }

    /// Reads event `key` of workflow `target`, waiting up to `timeout` for it to be set (`DBOS.getEvent`,
    /// plus a `DBOS.sleep` for the deadline). The value read is recorded, so a replay sees the same one.
    public func getEvent<V: Decodable & Sendable>(
        _ type: V.Type = V.self, workflowID target: String, key: String, timeout: Duration = .seconds(60)
    ) async throws -> V? {
        let functionID = nextFunctionID()
        let sleepID = nextFunctionID()
        if let recorded = try replayed(functionID, name: "DBOS.getEvent") {
            return try Self.result(V?.self, of: recorded)
        }
        try running.checkInterrupted()
        let deadline = try await durableWakeTime(sleepID, after: timeout)
        let started = SystemDatabase.nowMilliseconds()
        let value = try await hub.poll(
            key: NotificationHub.eventKey(workflowID: target, key: key), until: deadline,
            pollingInterval: database.configuration.pollingInterval, running: running
        ) { try await database.event(target, key: key) }
        let recorded = try await database.record(
            operation(functionID, "DBOS.getEvent", startedAt: started, output: value ?? "null"))
        return try Self.result(V?.self, of: recorded)
    }

    /// The recorded wake-up time (epoch ms) of the `DBOS.sleep` at `functionID`, recording it if new.
    func durableWakeTime(_ functionID: Int, after duration: Duration) async throws -> Int64 {
        if let recorded = try replayed(functionID, name: "DBOS.sleep") {
            return Int64((try Self.result(Double.self, of: recorded) * 1000).rounded())
        }
        try running.checkInterrupted()
        let now = SystemDatabase.nowMilliseconds()
        let wake = now + duration.wholeMilliseconds
        let recorded = try await database.record(
            OperationRecord(
                workflowID: workflowID, functionID: functionID, functionName: "DBOS.sleep",
                output: try PortableCoder.encode(Double(wake) / 1000), error: nil, startedAt: now, completedAt: wake))
        return Int64((try Self.result(Double.self, of: recorded) * 1000).rounded())
    }

    func operation(_ functionID: Int, _ name: String, startedAt: Int64, output: String? = nil) -> OperationRecord {
        OperationRecord(
            workflowID: workflowID, functionID: functionID, functionName: name, output: output, error: nil,
            startedAt: startedAt, completedAt: SystemDatabase.nowMilliseconds())
    }
}
