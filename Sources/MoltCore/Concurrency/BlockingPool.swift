import Foundation
import Synchronization

/// A small set of dedicated threads for blocking C calls (libpq, libcurl, argon2id), so they never occupy
/// Swift's cooperative thread pool.
///
/// `run` hands a closure to an idle thread and suspends the caller until it returns. Threads start lazily up
/// to `maximumThreads` and then wait for work; they live as long as the process.
public final class BlockingPool: Sendable {
    /// The process-wide pool used by MoltPostgres and MoltClient. Its cap is high because its work waits on
    /// the network: a low cap lets waiting calls starve the calls they wait for.
    public static let shared = BlockingPool(maximumThreads: 512)

    private struct State {
        var queue: [@Sendable () -> Void] = []
        var threads = 0
        var idle = 0
    }

    private let maximumThreads: Int
    private let state = Mutex(State())
    private let wakeUp = NSCondition()

    /// Creates a pool that starts at most `maximumThreads` threads.
    public init(maximumThreads: Int) {
        precondition(maximumThreads > 0, "a blocking pool needs at least one thread")
        self.maximumThreads = maximumThreads
    }

    /// Runs `work` on a pool thread and returns its result to the suspended caller.
    public func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            submit {
                do throws(E) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        let startThread = state.withLock { state -> Bool in
            state.queue.append(job)
            if state.idle == 0 && state.threads < maximumThreads {
                state.threads += 1
                return true
            }
            return false
        }
        if startThread {
            let thread = Thread { [self] in workLoop() }
            thread.name = "molt-blocking"
            thread.start()
        }
        wakeUp.lock()
        wakeUp.signal()
        wakeUp.unlock()
    }

    private func workLoop() {
        while true {
            wakeUp.lock()
            var job = state.withLock { $0.queue.isEmpty ? nil : $0.queue.removeFirst() }
            while job == nil {
                state.withLock { $0.idle += 1 }
                wakeUp.wait()
                job = state.withLock { state in
                    state.idle -= 1
                    return state.queue.isEmpty ? nil : state.queue.removeFirst()
                }
            }
            wakeUp.unlock()
            job?()
        }
    }
}
