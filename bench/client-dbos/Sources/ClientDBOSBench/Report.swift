import Foundation

/// The benchmark's results as the Markdown of RESULTS.md.
enum Report {
    static func markdown(count: Int, seedSeconds: Double, _ results: ListBenchmark.Results) -> String {
        var lines = [
            "# DBOS workflow reader benchmark (MoltClient)",
            "",
            "Recorded by `bench/client-dbos/run.sh` on \(today()) (\(cores()) cores shared with other work, load "
                + "average \(loadAverage()) when it started; PostgreSQL on the same machine; release build). `dbos.workflow_status` holds \(count.formatted()) workflows (DBOS 3.4 schema, "
                + "created by MoltWorkflows; seeded with one INSERT … SELECT and ANALYZE in "
                + String(format: "%.1f", seedSeconds) + " s). Each query ran 30 times after one warm-up, through "
                + "`DBOSWorkflowClient.list` (its own transaction, statement timeout, inputs and outputs decoded).",
            "",
            "| query (page of 50) | rows | median ms | p95 ms | plan on workflow_status |",
            "|---|---:|---:|---:|---|",
        ]
        for measurement in results.measurements {
            lines.append(
                "| \(measurement.label) | \(measurement.rows) | "
                    + String(format: "%.2f | %.2f", measurement.medianMilliseconds, measurement.p95Milliseconds)
                    + " | \(measurement.plan) |")
        }
        lines += [
            "",
            "Walking every page (500 a page, no payloads, following `next`): \(results.walkPages) pages in "
                + String(format: "%.2f s", results.walkSeconds) + ", slowest page "
                + String(format: "%.2f ms", results.walkWorstPageMilliseconds) + ".",
            "",
            "For contrast, the same page at 90% depth read with `LIMIT 50 OFFSET \((count - count / 10).formatted())` "
                + "(what an OFFSET reader runs): median " + String(format: "%.2f ms", results.offsetMedianMilliseconds)
                + ".",
            "",
            "Status counts over the whole table (`statusCounts`, one `GROUP BY status`, what the console's Workflows "
                + "screen shows above the list and refreshes with it): median "
                + String(
                    format: "%.2f ms, p95 %.2f ms", results.countsMedianMilliseconds, results.countsP95Milliseconds)
                + ".",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    private static func cores() -> Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The one-minute load average (`/proc/loadavg`), so noisy runs can be told apart.
    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return String(text.split(separator: " ").first ?? "?")
    }
}
