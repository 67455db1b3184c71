import MoltCore

extension WorkflowEngine {
    /// The most workflows one dequeue takes from a queue without limits.
    static let dequeueBatch = 100

    /// Polls every registered queue (and the internal queue of resume and fork) until cancelled; a local
    /// enqueue or a finished queued workflow wakes it early.
    func dispatchQueues() async {
        while !Task.isCancelled {
            dispatcherSignal.reset()
            for queue in state.withLock({ Array($0.queues.values) }) {
                do {
                    try await dispatch(queue)
                } catch is CancellationError {
                    return
                } catch {
                    if Task.isCancelled { return }
                    logger.error("Dequeueing failed.", ["workflow.queue": queue.name, "error": "\(error)"])
                }
            }
            do {
                try await dispatcherSignal.wait(timeout: configuration.queuePollingInterval)
            } catch {
                return
            }
        }
    }

    private func dispatch(_ queue: WorkflowQueue) async throws {
        let (names, running, local) = state.withLock {
            (Array($0.registry.keys), Array($0.running.keys), $0.runningPerQueue[queue.name] ?? 0)
        }
        let limit = min(Self.dequeueBatch, queue.workerConcurrency.map { $0 - local } ?? Self.dequeueBatch)
        guard limit > 0 else { return }
        let claimed = try await database.dequeue(queue: queue, limit: limit, names: names, excluding: running)
        _ = try await start(claimed, queueName: queue.name)
    }
}
