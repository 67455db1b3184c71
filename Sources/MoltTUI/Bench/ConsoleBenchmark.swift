import Foundation
import MoltCommandLine

/// `molt bench`: measures the framework on a table of many rows, off-screen, in the build it runs in.
///
/// Loads `rows` synthetic workflow rows (the size of the operator's workflow list), then times: the first
/// full frame (render + diff), moving the selection (a key press: update + render + diff), typing a filter
/// one character at a time (filter over every row + render + diff), clearing it, and reports the process's
/// peak memory. Prints one line per measure, for bench/console/RESULTS.md.
public enum ConsoleBenchmark {
    public static func run(rows: Int) -> Int32 {
        let clock = ContinuousClock()
        var table = BenchmarkTable(rows: 0)
        let loading = clock.measure { table = BenchmarkTable(rows: rows) }
        let output = CountingOutput()
        let renderer = DiffRenderer(output: output)
        let size = TerminalSize(columns: 120, rows: 40)

        let firstFrame = clock.measure { renderer.render(table.render(size: size)) }
        var keyTimes: [Duration] = []
        for step in 0..<500 {
            keyTimes.append(
                clock.measure {
                    table.navigate(step % 500 == 499 ? .top : .down, pageSize: size.rows - 4)
                    renderer.render(table.render(size: size))
                })
        }
        var filterTimes: [Duration] = []
        for filter in ["p", "pe", "pen", "pend", "pendi", "pendin", "pending", "pending-1", "pending-1a"] {
            filterTimes.append(
                clock.measure {
                    table.setFilter(filter)
                    renderer.render(table.render(size: size))
                })
        }
        let matched = table.visibleCount
        let clearing = clock.measure {
            table.setFilter("")
            renderer.render(table.render(size: size))
        }
        let memory = ProcessMemory.current()
        let lines = [
            "rows                      \(rows)",
            "load rows + index         \(format(loading))",
            "first frame (120x40)      \(format(firstFrame))",
            "key j: update+render+diff median \(format(percentile(keyTimes, 0.5))) p99 \(format(percentile(keyTimes, 0.99))) max \(format(keyTimes.max() ?? .zero))",
            "filter keystroke (\(filterTimes.count) keys)   median \(format(percentile(filterTimes, 0.5))) max \(format(filterTimes.max() ?? .zero)) (\(matched) rows match \"pending-1a\")",
            "clear filter              \(format(clearing))",
            "memory                    rss \(memory.residentMiB) MiB, peak \(memory.peakMiB) MiB",
        ]
        StandardStreams.writeOut(lines.joined(separator: "\n") + "\n")
        return 0
    }

    static func percentile(_ values: [Duration], _ fraction: Double) -> Duration {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        return sorted[min(Int(Double(sorted.count - 1) * fraction), sorted.count - 1)]
    }

    static func format(_ duration: Duration) -> String {
        String(format: "%.3f ms", duration.timeInterval * 1000)
    }
}

/// A terminal output that only counts what it is sent (the bench measures our side, not the terminal's).
final class CountingOutput: TerminalOutput {
    private(set) var cells = 0

    func draw(_ cells: ArraySlice<Cell>, row: Int, column: Int) { self.cells += cells.count }
    func clear() {}
    func setCursor(_ position: CellPosition?) {}
    func present() {}
}

/// Resident and peak memory of this process, from /proc/self/status.
struct ProcessMemory {
    var residentMiB: Int
    var peakMiB: Int

    static func current() -> ProcessMemory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func kibibytes(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return ProcessMemory(residentMiB: kibibytes("VmRSS:") / 1024, peakMiB: kibibytes("VmHWM:") / 1024)
    }
}
