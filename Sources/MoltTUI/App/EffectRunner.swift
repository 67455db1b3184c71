/// Performs effects: each `run` is a task off the UI, timers and delays are sleeping tasks; all of them send
/// their messages through `send` (which posts to the runtime's message stream).
///
/// Commands (`copy`, `redraw`, `quit`) are not effects of the runner; `perform` hands them back to the caller.
@MainActor
public final class EffectRunner<Message: Sendable> {
    private let send: @Sendable (Message) -> Void
    private var tasks: [EffectID: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0

    public init(send: @escaping @Sendable (Message) -> Void) {
        self.send = send
    }

    /// The ids of effects still running (for tests and diagnostics).
    public var runningIDs: Set<EffectID> { Set(tasks.keys) }

    /// Performs an effect; returns it back when it is a command the caller must handle.
    @discardableResult
    public func perform(_ effect: Effect<Message>) -> ConsoleCommand<Message>? {
        let send = send
        switch effect {
        case .run(let id, let operation):
            start(id) {
                await operation(EffectSender(send))
            }
        case .cancel(let id):
            cancel(id)
        case .timer(let id, let interval, let message):
            start(id) {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    send(message)
                }
            }
        case .delay(let id, let delay, let message):
            start(id) {
                do { try await Task.sleep(for: delay) } catch { return }
                send(message)
            }
        case .command(let command):
            return command
        }
        return nil
    }

    /// Cancels an effect and every effect scoped under it.
    public func cancel(_ id: EffectID) {
        for key in tasks.keys where key == id || key.isInside(id.rawValue) {
            tasks.removeValue(forKey: key)?.task.cancel()
        }
    }

    /// Cancels everything (on quit).
    public func cancelAll() {
        for entry in tasks.values { entry.task.cancel() }
        tasks.removeAll()
    }

    private func start(_ id: EffectID, _ body: @escaping @Sendable () async -> Void) {
        tasks.removeValue(forKey: id)?.task.cancel()
        nextToken += 1
        let token = nextToken
        let task = Task.detached { [weak self] in
            await body()
            await self?.finished(id, token: token)
        }
        tasks[id] = (token, task)
    }

    private func finished(_ id: EffectID, token: Int) {
        if tasks[id]?.token == token { tasks.removeValue(forKey: id) }
    }
}
