import COpenBLAS
import Foundation

/// OpenBLAS's thread count (process-wide) and the encoder's own fan-out over cores.
///
/// Large matrix products use OpenBLAS's threads. Attention (many small products, one per head) and the
/// element-wise steps are instead spread over the cores by the encoder itself, with OpenBLAS set to one
/// thread for the duration so that the two kinds of threads never compete for the same cores.
enum BLASThreads {
    static func set(_ count: Int) {
        copenblas_set_threads(Int32(max(count, 1)))
    }

    static var current: Int { Int(copenblas_threads()) }

    /// How many workers the encoder's own parallel steps use: OpenBLAS's thread count, capped by the cores.
    static var workers: Int {
        max(1, min(current, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Runs `body(worker)` for every worker in `0..<workers`, at the same time, with OpenBLAS single-threaded
    /// meanwhile (each worker's products run on its own thread).
    static func fanOut(workers: Int, _ body: (Int) -> Void) {
        guard workers > 1 else {
            body(0)
            return
        }
        let threads = current
        set(1)
        // The workers touch disjoint parts of the workspace (their own heads, rows or score matrix), which is
        // what makes sharing the non-Sendable closure between threads sound.
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendableWork(body: body)
            DispatchQueue.concurrentPerform(iterations: workers) { shared.body($0) }
        }
        set(threads)
    }
}

/// A closure handed to several threads at once by ``BLASThreads/fanOut(workers:_:)``.
private struct UncheckedSendableWork: @unchecked Sendable {
    let body: (Int) -> Void
}
