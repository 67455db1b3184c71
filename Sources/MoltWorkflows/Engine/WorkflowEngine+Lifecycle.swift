import MoltCore
import MoltPostgres

extension WorkflowEngine {
    /// Runs the engine until the calling task is cancelled or `shutdown()` is called.
    ///
    /// Creates the DBOS schema if it is missing (leaving an existing one alone), listens on DBOS's
    /// notification channels, recovers this executor's PENDING workflows, dispatches registered queues, and
    /// executes started workflows. Returns once every workflow task has stopped; interrupted workflows stay
    /// PENDING for the next start-up to recover.
    ///
    /// - Throws: `WorkflowError.incompatibleSchema` for an old `dbos` schema, a `PostgresError` when the
    ///   database cannot be reached, `WorkflowError.notRunning` when the engine already ran.
    public func run() async throws {
        try state.withLock { state throws(WorkflowError) in
            guard state.phase == .idle else {
                throw WorkflowError(.notRunning, message: "an engine runs once; create a new one to run again")
            }
            state.phase = .starting
        }
        do {
            let outcome = try await DBOSSystemSchema.ensure(pool)
            logger.info("Workflow engine starting.", ["workflow.schema": "\(outcome)"])
        } catch {
            finishStopping(failure: error)
            throw error
        }
        let listener = PostgresListener(
            url: databaseURL, channels: [NotificationHub.messagesChannel, NotificationHub.eventsChannel])
        let (jobs, continuation) = AsyncStream.makeStream(of: (WorkflowJob, RunningWorkflow).self)
        await withDiscardingTaskGroup { group in
            group.addTask { await self.hub.pump(listener) }
            state.withLock { $0.jobs = continuation }
            // Recovery claims this executor's PENDING rows before any new start can add to them.
            await recoverAtStartup()
            let readyWaiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
                if state.phase == .starting { state.phase = .ready }
                defer { state.readyWaiters = [] }
                return state.readyWaiters
            }
            readyWaiters.forEach { $0.resume() }
            if state.withLock({ $0.phase }) != .ready { continuation.finish() }
            group.addTask { await self.dispatchQueues() }
            for await (job, running) in jobs {
                group.addTask { await self.execute(job, running) }
            }
            await drainRunningWorkflows()
            listener.stop()
            group.cancelAll()
        }
        finishStopping(failure: nil)
        await pool.shutDown()
        logger.info("Workflow engine stopped.")
    }

    /// Stops the engine: no new workflows are accepted, running ones get `gracePeriod` to finish and are
    /// then interrupted (they stay PENDING and are recovered by the next start-up). Returns once `run()` has
    /// returned; returns at once when the engine is not running.
    public func shutdown(gracePeriod: Duration = .zero) async {
        let (jobs, wait) = state.withLock {
            state -> (AsyncStream<(WorkflowJob, RunningWorkflow)>.Continuation?, Bool) in
            switch state.phase {
            case .idle, .stopped:
                state.phase = .stopped
                return (nil, false)
            case .starting, .ready, .stopping:
                state.phase = .stopping
                state.gracePeriod = gracePeriod
                return (state.jobs, true)
            }
        }
        jobs?.finish()
        guard wait else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = state.withLock { state -> Bool in
                if state.phase == .stopped { return true }
                state.stoppedWaiters.append(continuation)
                return false
            }
            if stopped { continuation.resume() }
        }
    }

    /// Waits until `run()` has prepared the schema and accepts workflows.
    func waitUntilReady() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let result = state.withLock { state -> Result<Void, WorkflowError>? in
                switch state.phase {
                case .ready: return .success(())
                case .idle, .starting:
                    state.readyWaiters.append(continuation)
                    return nil
                case .stopping, .stopped:
                    return .failure(WorkflowError(.notRunning, message: "the workflow engine is shut down"))
                }
            }
            if let result { continuation.resume(with: result) }
        }
    }

    var isStopping: Bool {
        state.withLock { $0.phase == .stopping || $0.phase == .stopped }
    }

    private func drainRunningWorkflows() async {
        let grace = state.withLock { $0.gracePeriod }
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while clock.now < deadline, state.withLock({ !$0.running.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func finishStopping(failure: (any Error)?) {
        let (ready, stopped) = state.withLock { state in
            state.phase = .stopped
            state.jobs = nil
            defer {
                state.readyWaiters = []
                state.stoppedWaiters = []
            }
            return (state.readyWaiters, state.stoppedWaiters)
        }
        let error = failure ?? WorkflowError(.notRunning, message: "the workflow engine is shut down")
        ready.forEach { $0.resume(throwing: error) }
        stopped.forEach { $0.resume() }
    }
}
