import Foundation

/// Latencies of one scenario, in milliseconds.
struct Latency {
    let name: String
    var samples: [Double] = []

    /// Times `body` once and records it.
    mutating func measure(_ body: () async throws -> Void) async rethrows {
        let clock = ContinuousClock()
        let started = clock.now
        try await body()
        samples.append((clock.now - started).milliseconds)
    }

    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    var mean: Double { samples.reduce(0, +) / Double(max(samples.count, 1)) }

    /// `| name | n | p50 | p90 | p99 | max | mean |`
    var row: String {
        "| \(name) | \(samples.count) | \(Self.format(percentile(50))) | \(Self.format(percentile(90))) | "
            + "\(Self.format(percentile(99))) | \(Self.format(samples.max() ?? 0)) | \(Self.format(mean)) |"
    }

    static func format(_ milliseconds: Double) -> String {
        String(format: "%.2f", milliseconds)
    }
}
